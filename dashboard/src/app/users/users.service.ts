import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { CreateUserRequest, Role, UpdateUserRequest, UserDto } from '@welcome-ruhr/contracts';
import { Observable } from 'rxjs';

export interface UserFilter {
  role?: Role | '';
  city?: string;
  q?: string;
}

/** The admin's API for users and roles. */
@Injectable({ providedIn: 'root' })
export class UsersService {
  private readonly http = inject(HttpClient);

  list(filter: UserFilter = {}): Observable<UserDto[]> {
    let params = new HttpParams();
    for (const [name, value] of Object.entries(filter)) {
      if (typeof value === 'string' && value.trim() !== '') params = params.set(name, value.trim());
    }
    return this.http.get<UserDto[]>('/api/users', { params });
  }

  create(request: CreateUserRequest): Observable<UserDto> {
    return this.http.post<UserDto>('/api/users', request);
  }

  update(id: string, request: UpdateUserRequest): Observable<UserDto> {
    return this.http.patch<UserDto>(`/api/users/${encodeURIComponent(id)}`, request);
  }
}
