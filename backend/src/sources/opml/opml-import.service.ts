import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  isCitySlug,
  isLanguageCode,
  SOURCE_KINDS,
  type OpmlImportJob,
  type OpmlImportLine,
  type OpmlImportReport,
  type OpmlImportSettings,
  type SourceKind,
  type SourceType,
} from '@welcome-ruhr/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { AuthUser } from '../../auth/auth-user';
import { canAccessCity } from '../../auth/auth-user';
import { DomainError } from '../../common/errors/domain-error';
import { ImportJobsService } from '../../import-jobs/import-jobs.service';
import { TaxonomyService } from '../../taxonomy/taxonomy.service';
import { assertCanAssignCities } from '../source-access';
import { auditSnapshot } from '../source-dto';
import { SourceQueries } from '../source-queries';
import { normalizeSourceUrl } from '../source-urls';
import { SourceEntity } from '../source.entity';
import { readCategories, readOpml, type OpmlOutline } from './opml-reader';
import { writeOpml } from './opml-writer';

/** Lines per database round (existence check and one insert); after each, an async job may write its progress. */
const CHUNK = 100;
const NAME_MAX = 200;

type NewSource = Partial<SourceEntity> & { type: SourceType; url: string };

interface Candidate {
  line: OpmlImportLine;
  source?: NewSource;
}

type Creatable = Candidate & { source: NewSource };
const isCreatable = (candidate: Candidate): candidate is Creatable => candidate.source !== undefined;
const keyOf = (source: { type: string; url: string }) => `${source.type} ${source.url}`;

/**
 * OPML import (a report line per feed outline: created, exists or invalid, with the reason) and export.
 * Large files can run as a job whose progress is polled from any replica (import_jobs).
 */
@Injectable()
export class OpmlImportService {
  private readonly logger = new Logger(OpmlImportService.name);
  private readonly queries: SourceQueries;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly taxonomy: TaxonomyService,
    private readonly audit: AuditService,
    private readonly jobs: ImportJobsService,
  ) {
    this.queries = new SourceQueries(dataSource);
  }

  async importNow(actor: AuthUser, opml: string, settings: OpmlImportSettings): Promise<OpmlImportReport> {
    const candidates = await this.plan(actor, opml, settings);
    const report = emptyReport(candidates);
    await this.run(actor, candidates, report);
    return report;
  }

  /** Checks the file and settings at once (a 400 comes back now), then imports in the background. */
  async start(actor: AuthUser, opml: string, settings: OpmlImportSettings): Promise<OpmlImportJob> {
    const candidates = await this.plan(actor, opml, settings);
    const report = emptyReport(candidates);
    const job = await this.jobs.start('opml', actor, report);
    void this.run(actor, candidates, report, (current) => job.progress(current))
      .then(() => job.finish(report))
      .catch((error) =>
        this.jobs.endWithError(job, error, 'OPML import', () => {
          for (const candidate of candidates.slice(report.processed)) {
            report.lines.push({ ...candidate.line, result: 'invalid', message: 'Not imported: the import stopped because of an error on our side.' });
            report.invalid++;
          }
          report.processed = report.total;
          report.done = true;
          return report;
        }),
      )
      .catch((error) => this.logger.error({ err: error, jobId: job.id }, 'OPML import: the report could not be stored'));
    return { jobId: job.id };
  }

  progress(viewer: AuthUser, jobId: string): Promise<OpmlImportReport> {
    return this.jobs.read<OpmlImportReport>('opml', viewer, jobId, (report) => {
      const left = report.total - report.processed;
      const error = `The import stopped after ${report.processed} of ${report.total} feeds because the server running it went away. Upload the file again: feeds imported already will show as existing.`;
      return {
        error,
        report: {
          ...report,
          lines: [...report.lines, { line: 0, title: null, url: null, result: 'invalid', message: error, sourceId: null }],
          invalid: report.invalid + left,
          processed: report.total,
          done: true,
        },
      };
    });
  }

  async export(viewer: AuthUser): Promise<string> {
    return writeOpml(await this.queries.listVisible(viewer));
  }

  /** Every outline checked on its own; what can be created carries its future row. */
  private async plan(actor: AuthUser, opml: string, settings: OpmlImportSettings): Promise<Candidate[]> {
    const document = readOpml(opml);
    if (!document.isOpml && document.outlines.length === 0) {
      throw DomainError.invalidField('opml', 'is not an OPML file: it has no <opml> element and no <outline> with an xmlUrl');
    }
    if (settings.cities !== undefined && settings.cities.length > 0) assertCanAssignCities(actor, settings.cities);
    const knownTopics = new Set(await this.taxonomy.slugs());
    const unknownTopics = (settings.topics ?? []).filter((t) => !knownTopics.has(t));
    if (unknownTopics.length > 0) {
      throw DomainError.invalidField('topics', `must contain only topics of the taxonomy; unknown: ${unknownTopics.join(', ')}`);
    }
    const seen = new Map<string, number>();
    return document.outlines.map((outline) => {
      const candidate = this.check(actor, outline, settings, knownTopics);
      if (candidate.source) {
        const key = keyOf(candidate.source);
        const earlier = seen.get(key);
        if (earlier !== undefined) {
          return { line: { ...candidate.line, result: 'exists' as const, message: `The same feed appears earlier in the file (line ${earlier}).` } };
        }
        seen.set(key, outline.line);
      }
      return candidate;
    });
  }

  private check(actor: AuthUser, outline: OpmlOutline, settings: OpmlImportSettings, knownTopics: Set<string>): Candidate {
    const line: OpmlImportLine = { line: outline.line, title: outline.title, url: outline.xmlUrl, result: 'invalid', message: null, sourceId: null };
    const invalid = (message: string): Candidate => ({ line: { ...line, message } });
    const categories = readCategories(outline.category);

    if (!outline.xmlUrl) return invalid('This outline has no feed address (xmlUrl).');
    if (categories.type !== null && categories.type !== 'rss' && categories.type !== 'mastodon') {
      return invalid(`Sources of type “${categories.type}” cannot be imported from OPML.`);
    }
    const type: SourceType = categories.type === 'mastodon' ? 'mastodon' : 'rss';
    const normalized = normalizeSourceUrl(type, outline.xmlUrl);
    if (!normalized.url) return invalid(`The feed address ${normalized.problem}.`);

    const cities = [...new Set(categories.cities.length > 0 ? categories.cities : (settings.cities ?? []))];
    const unknownCity = cities.find((city) => !isCitySlug(city));
    if (unknownCity) return invalid(`“${unknownCity}” is not an RVR city.`);
    if (actor.role !== 'admin') {
      if (cities.length === 0) return invalid('Name at least one of your cities for the imported sources (only admins add regional sources).');
      const outside = cities.filter((city) => !canAccessCity(actor, city));
      if (outside.length > 0) return invalid(`You do not work for ${outside.join(', ')}.`);
    }
    const topics = [...new Set([...(settings.topics ?? []), ...categories.topics])];
    const unknownTopic = topics.find((topic) => !knownTopics.has(topic));
    if (unknownTopic) return invalid(`“${unknownTopic}” is not a topic of the taxonomy.`);
    const languages = [...new Set([...(settings.languages ?? []), ...categories.languages])];
    const unknownLanguage = languages.find((language) => !isLanguageCode(language));
    if (unknownLanguage) return invalid(`“${unknownLanguage}” is not an ISO 639-1 language code.`);
    const kind = (SOURCE_KINDS as readonly string[]).includes(categories.kind ?? '') ? (categories.kind as SourceKind) : (settings.kind ?? 'partner');

    const name = (outline.title ?? new URL(normalized.url).hostname).slice(0, NAME_MAX);
    return {
      line: { ...line, title: name, url: normalized.url, result: 'created' },
      source: {
        type,
        url: normalized.url,
        name,
        kind,
        cities,
        topics,
        languages,
        autoApprove: categories.autoApprove ?? settings.autoApprove ?? false,
        active: true,
        createdBy: actor.id,
      },
    };
  }

  private async run(actor: AuthUser, candidates: Candidate[], report: OpmlImportReport, onProgress?: (report: OpmlImportReport) => Promise<void>): Promise<void> {
    for (let start = 0; start < candidates.length; start += CHUNK) {
      const chunk = candidates.slice(start, start + CHUNK);
      await this.importChunk(actor, chunk.filter(isCreatable));
      report.processed += chunk.length;
      for (const candidate of chunk) {
        report.lines.push(candidate.line);
        report[candidate.line.result]++;
      }
      await onProgress?.(report);
    }
    report.done = true;
    this.logger.log({ created: report.created, exists: report.exists, invalid: report.invalid }, 'OPML import done');
  }

  /** One existence check and one insert for up to CHUNK sources; a row the insert skipped existed meanwhile. */
  private async importChunk(actor: AuthUser, chunk: Creatable[]): Promise<void> {
    if (chunk.length === 0) return;
    const existing: { id: string; type: string; url: string; name: string }[] = await this.dataSource.query(
      `SELECT id, type, url, name FROM sources WHERE url IN (SELECT value FROM json_array_elements_text($1::json))`,
      [JSON.stringify(chunk.map((c) => c.source.url))],
    );
    const byKey = new Map(existing.map((row) => [keyOf(row), row]));
    const fresh: Creatable[] = [];
    for (const candidate of chunk) {
      const found = byKey.get(keyOf(candidate.source));
      if (found) Object.assign(candidate.line, { result: 'exists', message: `Already a source: “${found.name}”.`, sourceId: found.id });
      else fresh.push(candidate);
    }
    if (fresh.length === 0) return;

    await this.dataSource.transaction(async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .insert()
        .into(SourceEntity)
        .values(fresh.map((c) => c.source))
        .orIgnore()
        .returning(['id', 'type', 'url'])
        .execute();
      const created = new Map((result.raw as { id: string; type: string; url: string }[]).map((row) => [keyOf(row), row.id]));
      const audits = [];
      for (const candidate of fresh) {
        const id = created.get(keyOf(candidate.source));
        if (id) {
          candidate.line.sourceId = id;
          audits.push({
            actorId: actor.id,
            action: 'source.create',
            entityType: 'source',
            entityId: id,
            after: { ...auditSnapshot({ ...candidate.source, externalId: null, accessTokenEncrypted: null } as SourceEntity), via: 'opml' },
          });
        } else {
          Object.assign(candidate.line, { result: 'exists', message: 'Added by someone else during this import.' });
        }
      }
      await this.audit.recordMany(audits, manager);
    });
  }
}

/** Lines are added as they are processed, so a running job's report shows only final results. */
function emptyReport(candidates: Candidate[]): OpmlImportReport {
  return { done: false, total: candidates.length, processed: 0, created: 0, exists: 0, invalid: 0, lines: [] };
}
