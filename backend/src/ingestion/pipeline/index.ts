export { FeedIngestService, INGEST_BATCH_SIZE, type IngestCounts, type IngestOptions } from './feed-ingest.service';
export { PipelineModule } from './pipeline.module';
export { contentHash, prepareItem, storageKey, type IngestSource, type PreparedItem } from './prepare-item';
