import type { OpmlImportJob, OpmlImportReport, ServiceImportReport } from '@welcome-ruhr/contracts';
import { createTestApp, twoReplicas, type TestApp } from '../testing/test-app';
import { ImportJobEntity, type ImportJobKind, type ImportJobState } from './import-job.entity';
import { ImportJobAbandonedError, ImportJobsService, PROGRESS_WRITE_MS } from './import-jobs.service';

type Headers = { authorization: string };
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A job row as a runner would have left it: running with the given heartbeat, or finished at the given time. */
async function newImportJob(
  t: TestApp,
  fields: { kind: ImportJobKind; ownerId: string; report: OpmlImportReport | ServiceImportReport; state?: ImportJobState; heartbeatAt?: Date; finishedAt?: Date | null },
): Promise<ImportJobEntity> {
  const repository = t.dataSource.getRepository(ImportJobEntity);
  return repository.save(
    repository.create({
      kind: fields.kind,
      ownerId: fields.ownerId,
      state: fields.state ?? 'running',
      total: fields.report.total,
      processed: fields.report.processed,
      report: fields.report,
      runner: 'gone-host:4242:deadbeef',
      heartbeatAt: fields.heartbeatAt ?? new Date(),
      finishedAt: fields.finishedAt ?? null,
    }),
  );
}

const opmlReport = (): OpmlImportReport => ({
  done: false,
  total: 300,
  processed: 100,
  created: 100,
  exists: 0,
  invalid: 0,
  lines: Array.from({ length: 100 }, (_, i) => ({ line: i + 2, title: `Feed ${i}`, url: `https://gone.example/${i}.rss`, result: 'created' as const, message: null, sourceId: null })),
});

const servicesReport = (): ServiceImportReport => ({
  done: false,
  encoding: 'utf-8',
  delimiter: ';',
  total: 2000,
  processed: 500,
  created: 499,
  updated: 0,
  invalid: 1,
  problems: [{ line: 7, field: 'email', problem: 'email must be an e-mail address' }],
});

describe('import jobs', () => {
  let t: TestApp;
  let admin: Headers;
  let adminId: string;
  beforeAll(async () => {
    t = await createTestApp({ SCHEDULER_ENABLED: 'false' });
    const signedIn = await t.signIn('admin');
    admin = signedIn.headers;
    adminId = signedIn.login.user.id;
  });
  afterAll(() => t.close());

  const poll = (path: string, id: string, headers: Headers = admin) => t.app.inject({ method: 'GET', url: `/api/${path}/import/${id}`, headers });

  it('reads an OPML job whose process died as failed, asking for the file again, and marks it so', async () => {
    const job = await newImportJob(t, { kind: 'opml', ownerId: adminId, report: opmlReport(), heartbeatAt: new Date(Date.now() - 2 * MINUTE) });
    const response = await poll('sources', job.id);
    expect(response.statusCode).toBe(200);
    const report = response.json<OpmlImportReport>();
    expect(report).toMatchObject({ done: true, total: 300, processed: 300, created: 100, invalid: 200 });
    expect(report.lines).toHaveLength(101);
    expect(report.lines.at(-1)).toMatchObject({ line: 0, result: 'invalid', message: expect.stringMatching(/after 100 of 300 feeds .*Upload the file again/) });

    const stored = await t.dataSource.getRepository(ImportJobEntity).findOneByOrFail({ id: job.id });
    expect(stored).toMatchObject({ state: 'failed', processed: 300, error: expect.stringMatching(/Upload the file again/) });
    expect(stored.finishedAt).not.toBeNull();
    // Read again, it stays the same report.
    expect((await poll('sources', job.id)).json()).toEqual(report);
  });

  it('reads a CSV job whose process died as failed, asking for the file again', async () => {
    const job = await newImportJob(t, { kind: 'services', ownerId: adminId, report: servicesReport(), heartbeatAt: new Date(Date.now() - 2 * MINUTE) });
    const report = (await poll('services', job.id)).json<ServiceImportReport>();
    expect(report).toMatchObject({ done: true, total: 2000, processed: 2000, created: 499, invalid: 1501 });
    expect(report.problems).toEqual([
      { line: 7, field: 'email', problem: 'email must be an e-mail address' },
      { line: 0, field: null, problem: expect.stringMatching(/after 500 of 2000 lines .*Upload the file again/) },
    ]);
  });

  it('keeps a job with a recent heartbeat running, and a job of the other kind or of another user unknown', async () => {
    const job = await newImportJob(t, { kind: 'opml', ownerId: adminId, report: opmlReport(), heartbeatAt: new Date(Date.now() - 10_000) });
    expect((await poll('sources', job.id)).json()).toEqual(opmlReport());
    expect((await poll('services', job.id)).statusCode).toBe(404);
    const moderator = (await t.signIn('moderator')).headers;
    expect((await poll('sources', job.id, moderator)).statusCode).toBe(404);
  });

  it('stops a runner whose job a reader gave up as dead, and leaves that reader\'s report alone', async () => {
    const jobs = t.app.get(ImportJobsService);
    const admin = (await t.signIn('admin')).login.user;
    const report = { ...opmlReport(), processed: 0, created: 0, lines: [] };
    const run = await jobs.start('opml', admin, report);
    await new Promise((resolve) => setTimeout(resolve, PROGRESS_WRITE_MS + 50));
    await expect(run.progress({ ...report, processed: 100 })).resolves.toBeUndefined();
    expect(await t.dataSource.getRepository(ImportJobEntity).findOneByOrFail({ id: run.id })).toMatchObject({ state: 'running', processed: 100 });

    // The runner stalled; a poll found it silent and failed the job.
    await t.dataSource.getRepository(ImportJobEntity).update(run.id, { heartbeatAt: new Date(Date.now() - 2 * MINUTE) });
    const failed = (await poll('sources', run.id)).json<OpmlImportReport>();
    expect(failed).toMatchObject({ done: true, processed: 300 });

    // The runner wakes up: its next progress write finds the job over, and it is told to stop.
    await new Promise((resolve) => setTimeout(resolve, PROGRESS_WRITE_MS + 50));
    const stopped = await run.progress({ ...report, processed: 200 }).then(() => undefined, (error: unknown) => error);
    expect(stopped).toBeInstanceOf(ImportJobAbandonedError);
    // Every later call says the same, without a write.
    await expect(run.progress({ ...report, processed: 250 })).rejects.toBeInstanceOf(ImportJobAbandonedError);

    const fillIn = jest.fn(() => ({ ...report, done: true }));
    await jobs.endWithError(run, stopped, 'OPML import', fillIn);
    expect(fillIn).not.toHaveBeenCalled();
    expect((await poll('sources', run.id)).json()).toEqual(failed);
  });

  it('returns the stored report, not a made-up failure, when the runner finished between the read and the failing update', async () => {
    const job = await newImportJob(t, { kind: 'opml', ownerId: adminId, report: opmlReport(), heartbeatAt: new Date(Date.now() - 2 * MINUTE) });
    const finished: OpmlImportReport = { ...opmlReport(), done: true, processed: 300, created: 300 };
    // The runner was only slow: its last write lands after the poll's SELECT saw it silent, before the UPDATE.
    const query = t.dataSource.query.bind(t.dataSource);
    const spy = jest.spyOn(t.dataSource, 'query').mockImplementation((async (sql: string, parameters?: unknown[]) => {
      if (sql.includes(`SET state = 'failed'`)) {
        await query(`UPDATE import_jobs SET state = 'done', report = $2::jsonb, processed = 300, heartbeat_at = now(), finished_at = now() WHERE id = $1`, [
          job.id,
          JSON.stringify(finished),
        ]);
      }
      return query(sql, parameters);
    }) as typeof t.dataSource.query);
    let response;
    try {
      response = await poll('sources', job.id);
    } finally {
      spy.mockRestore();
    }
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(finished);
    expect(await t.dataSource.getRepository(ImportJobEntity).findOneByOrFail({ id: job.id })).toMatchObject({ state: 'done', processed: 300, error: null });
    expect((await poll('sources', job.id)).json()).toEqual(finished);
  });

  it('writes a failed report when a running import ends with an error', async () => {
    const jobs = t.app.get(ImportJobsService);
    const admin = (await t.signIn('admin')).login.user;
    const run = await jobs.start('services', admin, servicesReport());
    await jobs.endWithError(run, new Error('database went away'), 'service import', () => ({ ...servicesReport(), processed: 2000, done: true }));
    expect(await t.dataSource.getRepository(ImportJobEntity).findOneByOrFail({ id: run.id })).toMatchObject({ state: 'failed', processed: 2000, error: 'database went away' });
  });

  it('deletes jobs a day after they ended or went silent, and keeps younger ones', async () => {
    const report = { ...opmlReport(), done: true };
    const old = await newImportJob(t, { kind: 'opml', ownerId: adminId, report, state: 'done', finishedAt: new Date(Date.now() - 25 * HOUR) });
    const young = await newImportJob(t, { kind: 'opml', ownerId: adminId, report, state: 'done', finishedAt: new Date(Date.now() - HOUR) });
    const abandoned = await newImportJob(t, { kind: 'services', ownerId: adminId, report: servicesReport(), heartbeatAt: new Date(Date.now() - 25 * HOUR) });
    expect(await t.app.get(ImportJobsService).purge()).toBeGreaterThanOrEqual(2);
    const left = await t.dataSource.getRepository(ImportJobEntity).findBy({});
    const ids = left.map((job) => job.id);
    expect(ids).toContain(young.id);
    expect(ids).not.toContain(old.id);
    expect(ids).not.toContain(abandoned.id);
  });
});

describe('import jobs when their process shuts down', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ SCHEDULER_ENABLED: 'false' });
  });
  afterAll(() => t.close());

  it('stops its runs and lets the next poll fail them at once, asking for the file again', async () => {
    const signedIn = await t.signIn('admin');
    const jobs = t.app.get(ImportJobsService);
    const report = { ...opmlReport(), processed: 0, created: 0, lines: [] };
    const run = await jobs.start('opml', signedIn.login.user, report);
    // A job of another process, alive a moment ago, is not this process's to give up.
    const other = await newImportJob(t, { kind: 'opml', ownerId: signedIn.login.user.id, report: opmlReport(), heartbeatAt: new Date(Date.now() - 10_000) });

    // What Nest calls as the application closes, before the DataSource goes.
    await jobs.onModuleDestroy();

    const stopped = await run.progress({ ...report, processed: 100 }).then(() => undefined, (error: unknown) => error);
    expect(stopped).toBeInstanceOf(ImportJobAbandonedError);
    expect(stopped).toMatchObject({ jobId: run.id, reason: 'shutdown' });

    const response = await t.app.inject({ method: 'GET', url: `/api/sources/import/${run.id}`, headers: signedIn.headers });
    expect(response.statusCode).toBe(200);
    const failed = response.json<OpmlImportReport>();
    expect(failed).toMatchObject({ done: true, total: 300, processed: 300, invalid: 300 });
    expect(failed.lines.at(-1)).toMatchObject({ line: 0, result: 'invalid', message: expect.stringMatching(/Upload the file again/) });
    expect(await t.dataSource.getRepository(ImportJobEntity).findOneByOrFail({ id: run.id })).toMatchObject({ state: 'failed', error: expect.stringMatching(/Upload the file again/) });

    const otherResponse = await t.app.inject({ method: 'GET', url: `/api/sources/import/${other.id}`, headers: signedIn.headers });
    expect(otherResponse.json()).toEqual(opmlReport());
    expect(await t.dataSource.getRepository(ImportJobEntity).findOneByOrFail({ id: other.id })).toMatchObject({ state: 'running' });
  });
});

// A second replica reads the first one's job only through a shared PostgreSQL server; an in-memory PGlite
// belongs to one app. So this runs with DATABASE_URL only.
if (process.env['DATABASE_URL']) {
  describe('import jobs on two replicas of one PostgreSQL database', () => {
    const replicas = twoReplicas();

    it('answers the progress of a job that the other replica runs, to its end', async () => {
      const admin = (await replicas.first.signIn('admin')).headers;
      const outlines = Array.from({ length: 450 }, (_, i) => `<outline text="Feed ${i}" xmlUrl="https://replica.example/${i}.rss"/>`).join('\n');
      const started = await replicas.first.app.inject({
        method: 'POST',
        url: '/api/sources/import?async=1',
        headers: admin,
        payload: { opml: `<opml><body>\n${outlines}\n</body></opml>`, cities: ['dortmund'] },
      });
      expect(started.statusCode).toBe(202);
      const { jobId } = started.json<OpmlImportJob>();
      const seen: OpmlImportReport[] = [];
      for (;;) {
        const response = await replicas.second.app.inject({ method: 'GET', url: `/api/sources/import/${jobId}`, headers: admin });
        expect(response.statusCode).toBe(200);
        const report = response.json<OpmlImportReport>();
        seen.push(report);
        expect(report.lines).toHaveLength(report.processed);
        if (report.done) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(seen[0]).toMatchObject({ total: 450 });
      expect(seen.at(-1)).toMatchObject({ done: true, total: 450, processed: 450, created: 450, exists: 0, invalid: 0 });
      const processed = seen.map((report) => report.processed);
      expect(processed).toEqual([...processed].sort((a, b) => a - b));
      expect(await replicas.second.dataSource.getRepository(ImportJobEntity).findOneByOrFail({ id: jobId })).toMatchObject({ state: 'done', processed: 450 });
    });
  });
}
