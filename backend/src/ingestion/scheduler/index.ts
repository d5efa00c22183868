export * from './fetch-policy';
export { FETCH_SCHEDULER_DEFAULTS, FetchScheduler, type FetchSchedulerOptions } from './fetch-scheduler.service';
export { FetchSchedulerModule } from './scheduler.module';
export { LEASE_SECONDS, newLeaseOwner, SourceFetchService, type FetchOutcome } from './source-fetch.service';
export { FETCHABLE_TYPES, SourceLeases, type ClaimedSource } from './source-leases';
