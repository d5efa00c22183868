import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { ContactDataErasure, ContactDataExport } from '@welcome-ruhr/contracts';
import { Observable } from 'rxjs';
import { queryParams } from '../shared/query-params';

/** Data-subject requests (DSGVO Art. 15, 17) about one e-mail address: export and erasure, admins only. */
@Injectable({ providedIn: 'root' })
export class PrivacyService {
  private readonly http = inject(HttpClient);

  /** Every contact request of the address and every mail to it; the server records the export. */
  exportData(email: string): Observable<ContactDataExport> {
    return this.http.get<ContactDataExport>('/api/contact-requests/export', { params: queryParams({ email }) });
  }

  /** Deletes every contact request of the address and every mail to it; answers with the numbers deleted. */
  erase(email: string): Observable<ContactDataErasure> {
    return this.http.delete<ContactDataErasure>('/api/contact-requests', { params: queryParams({ email }) });
  }
}
