import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { SaveTopicRequest, TopicDto } from '@welcome-ruhr/contracts';
import { map, Observable } from 'rxjs';

/** The label of a topic in the dashboard's language, else German, else its slug. */
export function topicLabel(topic: TopicDto, language: string): string {
  return topic.labels[language] || topic.labels['de'] || topic.slug;
}

/** The topic taxonomy: everyone who tags reads it, admins edit it. */
@Injectable({ providedIn: 'root' })
export class TopicsService {
  private readonly http = inject(HttpClient);

  list(): Observable<TopicDto[]> {
    return this.http.get<TopicDto[]>('/api/topics');
  }

  /** Creates the topic or replaces its labels and keywords. */
  save(slug: string, request: SaveTopicRequest): Observable<TopicDto> {
    return this.http.put<TopicDto>(`/api/topics/${encodeURIComponent(slug)}`, request);
  }

  remove(slug: string): Observable<void> {
    return this.http.delete(`/api/topics/${encodeURIComponent(slug)}`).pipe(map(() => undefined));
  }
}
