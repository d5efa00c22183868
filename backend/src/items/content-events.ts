import { Injectable } from '@nestjs/common';
import { Observable, Subject } from 'rxjs';

/**
 * Tells whoever caches public content (the public feed) that approved items changed in this process:
 * ingestion (auto-approved items) and moderation (decisions, pins, tag edits) announce it here.
 * Other replicas notice through the database (see the public feed's cache).
 */
@Injectable()
export class ContentEvents {
  private readonly changes = new Subject<void>();

  readonly itemsChanged$: Observable<void> = this.changes.asObservable();

  itemsChanged(): void {
    this.changes.next();
  }
}
