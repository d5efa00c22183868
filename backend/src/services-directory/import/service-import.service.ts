import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ServiceImportJob, ServiceImportProblem, ServiceImportReport } from '@welcome-ruhr/contracts';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { canAccessCity, type AuthUser } from '../../auth/auth-user';
import { DomainError, ErrorCode } from '../../common/errors/domain-error';
import { ImportJobsService } from '../../import-jobs/import-jobs.service';
import { ServiceCategoriesService } from '../service-categories.service';
import { decodeCsv } from './csv-decode';
import { parseServiceCsv, toCandidate, type CsvLine, type ServiceCandidate } from './service-csv';

/** Lines per database round (one INSERT … ON CONFLICT); after each, an async job may write its progress. */
const CHUNK = 500;

interface ImportOptions {
  /** Marks the rows as example data (the demo data set). */
  demo?: boolean;
}

const DEMO_FILE = 'services-demo.csv';

/**
 * CSV import of services: a report line per problem (line, column, problem); valid lines are stored,
 * an existing service (same city, category and name) is updated. Large files run as a job whose
 * progress is polled from any replica (import_jobs, like the OPML import).
 */
@Injectable()
export class ServiceImportService {
  private readonly logger = new Logger(ServiceImportService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly categories: ServiceCategoriesService,
    private readonly audit: AuditService,
    private readonly jobs: ImportJobsService,
  ) {}

  async importNow(actor: AuthUser, file: Buffer, options: ImportOptions = {}): Promise<ServiceImportReport> {
    const { lines, report } = this.read(file);
    await this.run(actor, lines, report, options);
    return report;
  }

  /** Reads the file at once (a 400 for an unreadable file comes back now), then imports in the background. */
  async start(actor: AuthUser, file: Buffer): Promise<ServiceImportJob> {
    const { lines, report } = this.read(file);
    const job = await this.jobs.start('services', actor, report);
    void this.run(actor, lines, report, {}, (current) => job.progress(current))
      .then(() => job.finish(report))
      .catch((error) =>
        this.jobs.endWithError(job, error, 'service import', () => {
          report.problems.push({ line: 0, field: null, problem: `The import stopped after ${report.processed} lines because of an error on our side; lines after that were not imported.` });
          report.invalid += report.total - report.processed;
          report.processed = report.total;
          report.done = true;
          return report;
        }),
      )
      .catch((error) => this.logger.error({ err: error, jobId: job.id }, 'service import: the report could not be stored'));
    return { jobId: job.id };
  }

  progress(viewer: AuthUser, jobId: string): Promise<ServiceImportReport> {
    return this.jobs.read<ServiceImportReport>('services', viewer, jobId, (report) => {
      const error = `The import stopped after ${report.processed} of ${report.total} lines because the server running it went away; lines after that were not imported. Upload the file again: services imported already will be updated, not doubled.`;
      return {
        error,
        report: {
          ...report,
          problems: [...report.problems, { line: 0, field: null, problem: error }],
          invalid: report.invalid + report.total - report.processed,
          processed: report.total,
          done: true,
        },
      };
    });
  }

  /** Loads backend/src/services-directory/demo/services-demo.csv: example entries, each marked as demo. */
  async loadDemo(actor: AuthUser): Promise<ServiceImportReport> {
    return this.importNow(actor, readFileSync(demoFile()), { demo: true });
  }

  async removeDemo(actor: AuthUser): Promise<number> {
    const result = await this.dataSource.query(`DELETE FROM services WHERE demo RETURNING id`);
    const deleted = (result as [unknown[], number])[1] ?? 0;
    await this.audit.record({ actorId: actor.id, action: 'service.demo_remove', entityType: 'service', entityId: 'demo', after: { deleted } });
    return deleted;
  }

  private read(file: Buffer): { lines: CsvLine[]; report: ServiceImportReport } {
    const { text, encoding } = decodeCsv(file);
    const parsed = parseServiceCsv(text);
    const unreadable = parsed.problems.filter((p) => p.line > 1).length;
    return {
      lines: parsed.lines,
      report: {
        done: false,
        encoding,
        delimiter: parsed.delimiter,
        total: parsed.lines.length + unreadable,
        processed: unreadable,
        created: 0,
        updated: 0,
        invalid: unreadable,
        problems: [...parsed.problems],
      },
    };
  }

  private async run(
    actor: AuthUser,
    lines: CsvLine[],
    report: ServiceImportReport,
    options: ImportOptions,
    onProgress?: (report: ServiceImportReport) => Promise<void>,
  ): Promise<void> {
    const known = await this.categories.slugs();
    const seen = new Map<string, number>();
    for (let start = 0; start < lines.length; start += CHUNK) {
      const valid: ServiceCandidate[] = [];
      for (const line of lines.slice(start, start + CHUNK)) {
        const problems = await this.check(actor, line, known, seen, valid);
        if (problems.length > 0) {
          report.problems.push(...problems);
          report.invalid++;
        }
      }
      const { created, updated } = await this.store(actor, valid, options);
      report.created += created;
      report.updated += updated;
      report.processed += Math.min(CHUNK, lines.length - start);
      await onProgress?.(report);
      // Validation and the embedded database resolve without touching the event loop: let requests in between chunks.
      await new Promise((resolve) => setImmediate(resolve));
    }
    report.problems.sort((a, b) => a.line - b.line);
    report.done = true;
    await this.audit.record({
      actorId: actor.id,
      action: options.demo ? 'service.demo_load' : 'service.import',
      entityType: 'service',
      entityId: 'import',
      after: { total: report.total, created: report.created, updated: report.updated, invalid: report.invalid, encoding: report.encoding },
    });
    this.logger.log({ total: report.total, created: report.created, updated: report.updated, invalid: report.invalid }, 'service import done');
  }

  private async check(actor: AuthUser, line: CsvLine, known: Set<string>, seen: Map<string, number>, valid: ServiceCandidate[]): Promise<ServiceImportProblem[]> {
    const { candidate, problems } = await toCandidate(line);
    if (!candidate) return problems;
    const service = candidate.service;
    if (!known.has(service.category)) {
      return [{ line: line.line, field: 'category', problem: `category "${service.category}" is not one of the directory's categories (${[...known].sort().join(', ')})` }];
    }
    if (!canAccessCity(actor, service.city)) return [{ line: line.line, field: 'city', problem: `city ${service.city} is not one of your cities` }];
    const key = `${service.city}\u0000${service.category}\u0000${service.name}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) return [{ line: line.line, field: 'name', problem: `name: the same service (city, category and name) is on line ${earlier} already` }];
    seen.set(key, line.line);
    valid.push(candidate);
    return [];
  }

  /** One statement per chunk: new services are inserted, existing ones (same city, category, name) updated. */
  private async store(actor: AuthUser, candidates: ServiceCandidate[], options: ImportOptions): Promise<{ created: number; updated: number }> {
    if (candidates.length === 0) return { created: 0, updated: 0 };
    const rows = candidates.map(({ service }) => ({
      category: service.category,
      city: service.city,
      name: service.name,
      address: service.address ?? null,
      latitude: service.latitude ?? null,
      longitude: service.longitude ?? null,
      opening_hours: service.openingHours ?? null,
      phone: service.phone ?? null,
      email: service.email ?? null,
      website: service.website ?? null,
      appointment_url: service.appointmentUrl ?? null,
      languages: [...new Set(service.languages ?? [])],
      descriptions: service.descriptions ?? {},
      demo: options.demo ?? false,
    }));
    const result: Array<{ inserted: boolean }> = await this.dataSource.query(
      `INSERT INTO services (category, city, name, address, latitude, longitude, opening_hours, phone, email, website, appointment_url,
                             languages, descriptions, demo, created_by, updated_by)
       SELECT category, city, name, address, latitude, longitude, opening_hours, phone, email, website, appointment_url,
              languages, descriptions, demo, $2, $2
         FROM jsonb_to_recordset($1::jsonb) AS x(category varchar, city varchar, name varchar, address varchar,
              latitude double precision, longitude double precision, opening_hours jsonb, phone varchar, email varchar,
              website text, appointment_url text, languages text[], descriptions jsonb, demo boolean)
       ON CONFLICT (city, category, name) DO UPDATE SET
              address = EXCLUDED.address, latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude,
              opening_hours = EXCLUDED.opening_hours, phone = EXCLUDED.phone, email = EXCLUDED.email,
              website = EXCLUDED.website, appointment_url = EXCLUDED.appointment_url, languages = EXCLUDED.languages,
              descriptions = EXCLUDED.descriptions, demo = EXCLUDED.demo, updated_by = EXCLUDED.updated_by, updated_at = now()
       RETURNING (xmax = 0) AS inserted`,
      [JSON.stringify(rows), actor.id],
    );
    const created = result.filter((row) => row.inserted).length;
    return { created, updated: result.length - created };
  }
}

/**
 * The demo file next to this module in the sources (tests, ts-node), or under the working directory
 * (`npm start` runs from the repository root, where the built bundle has no copy of it).
 */
function demoFile(): string {
  const candidates = [join(__dirname, '..', 'demo', DEMO_FILE), resolve('backend/src/services-directory/demo', DEMO_FILE)];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new DomainError(ErrorCode.ServiceUnavailable, `The demo data set (${DEMO_FILE}) is not installed with this build.`);
  return found;
}
