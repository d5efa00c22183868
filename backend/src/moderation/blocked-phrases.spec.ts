import type { AuditEntryDto, BlockedPhraseDto } from '@welcome-ruhr/contracts';
import { createTestApp, type TestApp } from '../testing/test-app';
import { ModerationRulesService } from './moderation-rules.service';

describe('blocked phrases', () => {
  let t: TestApp;
  let moderator: { authorization: string };
  let admin: { authorization: string };
  let rules: ModerationRulesService;
  beforeAll(async () => {
    t = await createTestApp();
    moderator = (await t.signIn('moderator', { cities: ['herne'] })).headers;
    admin = (await t.signIn('admin')).headers;
    rules = t.app.get(ModerationRulesService);
  });
  afterAll(() => t.close());

  const create = (payload: object, headers = moderator) => t.app.inject({ method: 'POST', url: '/api/moderation/blocked-phrases', headers, payload });
  const list = (headers = moderator) => t.app.inject({ method: 'GET', url: '/api/moderation/blocked-phrases', headers });

  it('adds, lists and removes phrases, and the rules follow at once', async () => {
    expect(await rules.heldReasons('Jetzt schnell reich werden!')).toEqual([]);
    const created = await create({ phrase: '  schnell   reich ', language: 'de' });
    expect(created.statusCode).toBe(201);
    const phrase = created.json<BlockedPhraseDto>();
    expect(phrase).toMatchObject({ phrase: 'schnell reich', language: 'de' });
    expect(await rules.heldReasons('Jetzt schnell reich werden!')).toEqual(['blocked phrase: "schnell reich"']);

    await create({ phrase: 'Casino' }, admin);
    expect((await list()).json<BlockedPhraseDto[]>().map((p) => p.phrase)).toEqual(['Casino', 'schnell reich']);

    const removed = await t.app.inject({ method: 'DELETE', url: `/api/moderation/blocked-phrases/${phrase.id}`, headers: moderator });
    expect(removed.statusCode).toBe(204);
    expect(await rules.heldReasons('Jetzt schnell reich werden!')).toEqual([]);
    expect((await list()).json<BlockedPhraseDto[]>().map((p) => p.phrase)).toEqual(['Casino']);

    const audit = (await t.app.inject({ method: 'GET', url: `/api/audit?entityType=blocked_phrase&entityId=${phrase.id}`, headers: admin })).json<AuditEntryDto[]>();
    expect(audit.map((entry) => entry.action)).toEqual(['blocked_phrase.delete', 'blocked_phrase.create']);
    expect(audit[0]!.before).toEqual({ phrase: 'schnell reich', language: 'de' });
  });

  it('holds texts in a phrase’s language and texts of unknown language, not texts in other languages', async () => {
    const created = (await create({ phrase: 'Gift', language: 'de' })).json<BlockedPhraseDto>();
    try {
      expect(await rules.heldReasons('Gift im Briefkasten', 'de')).toEqual(['blocked phrase: "Gift"']);
      expect(await rules.heldReasons('A gift for newcomers', 'en')).toEqual([]);
      expect(await rules.heldReasons('Gift', null)).toEqual(['blocked phrase: "Gift"']);
    } finally {
      await t.app.inject({ method: 'DELETE', url: `/api/moderation/blocked-phrases/${created.id}`, headers: moderator });
    }
  });

  it('refuses the same phrase twice, in any letter case', async () => {
    await create({ phrase: 'Gewinnspiel' });
    const again = await create({ phrase: 'GEWINNSPIEL' });
    expect(again.statusCode).toBe(409);
    expect(again.json().fields).toEqual([{ field: 'phrase', problem: 'is on the list already' }]);
  });

  it.each([
    [{ phrase: '' }, 'phrase'],
    [{ phrase: '   ' }, 'phrase'],
    [{ phrase: 'x'.repeat(201) }, 'phrase'],
    [{ phrase: 42 }, 'phrase'],
    [{ phrase: 'ok', language: 'german' }, 'language'],
  ])('refuses %j with a 400 naming %s', async (payload, field) => {
    const response = await create(payload);
    expect(response.statusCode).toBe(400);
    expect(response.json().fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  it('is for moderators and admins only', async () => {
    const ambassador = (await t.signIn('ambassador')).headers;
    expect((await list(ambassador)).statusCode).toBe(403);
    expect((await create({ phrase: 'egal' }, ambassador)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/moderation/blocked-phrases' })).statusCode).toBe(401);
  });

  it('answers 404 for an unknown phrase', async () => {
    const response = await t.app.inject({ method: 'DELETE', url: '/api/moderation/blocked-phrases/00000000-0000-4000-8000-000000000000', headers: moderator });
    expect(response.statusCode).toBe(404);
  });
});
