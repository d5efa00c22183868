import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  Injector,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { TranslatePipe } from '@ngx-translate/core';
import { cityName, InvitationDto, Role, ROLES, UserDto } from '@welcome-ruhr/contracts';
import { catchError, map, Observable, of, switchMap, tap } from 'rxjs';
import { AuthService } from '../../auth/auth.service';
import { errorMessage, Message } from '../../shared/api-error';
import { MessageText } from '../../shared/message/message';
import { OTHER_CITY_OPTIONS, PARTNER_CITY_OPTIONS } from '../cities';
import { InviteForm } from '../invite-form/invite-form';
import { UserForm } from '../user-form/user-form';
import { UserFilter, UsersService } from '../users.service';

/** Wait this long after the last keystroke in the search field before asking the API. */
export const SEARCH_DELAY_MS = 300;

type Panel = { mode: 'create' } | { mode: 'invite' } | { mode: 'edit'; user: UserDto } | null;
type LoadResult = { users: UserDto[]; error: null } | { users: null; error: Message };

/** Admins list, filter, create and edit users, and deactivate or reactivate them. */
@Component({
  selector: 'wr-users-page',
  imports: [TranslatePipe, MessageText, UserForm, InviteForm],
  templateUrl: './users-page.html',
  styleUrl: './users-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UsersPage {
  private readonly users = inject(UsersService);
  private readonly auth = inject(AuthService);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly createButton = viewChild<ElementRef<HTMLButtonElement>>('createButton');
  private readonly inviteButton = viewChild<ElementRef<HTMLButtonElement>>('inviteButton');

  protected readonly roles = ROLES;
  protected readonly partnerCities = PARTNER_CITY_OPTIONS;
  protected readonly otherCities = OTHER_CITY_OPTIONS;
  protected readonly currentUserId = computed(() => this.auth.user()?.id ?? null);

  protected readonly roleFilter = signal<Role | ''>('');
  protected readonly cityFilter = signal('');
  protected readonly search = signal('');
  private readonly query = signal('');
  private readonly reloads = signal(0);
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  protected readonly filtered = computed(() => this.roleFilter() !== '' || this.cityFilter() !== '' || this.search() !== '');

  protected readonly list = signal<UserDto[]>([]);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<Message | null>(null);
  protected readonly panel = signal<Panel>(null);
  protected readonly creating = computed(() => this.panel()?.mode === 'create');
  protected readonly inviting = computed(() => this.panel()?.mode === 'invite');
  protected readonly editingUser = computed(() => {
    const panel = this.panel();
    return panel?.mode === 'edit' ? panel.user : null;
  });
  /** What just happened ("created", "deactivated"), announced politely. */
  protected readonly status = signal<Message | null>(null);
  /** Why an action in the table failed, announced at once. */
  protected readonly actionError = signal<Message | null>(null);

  constructor() {
    const request = computed(() => ({
      filter: { role: this.roleFilter(), city: this.cityFilter(), q: this.query() } satisfies UserFilter,
      reload: this.reloads(),
    }));
    toObservable(request)
      .pipe(
        tap(() => this.loading.set(true)),
        switchMap(({ filter }) => this.load(filter)),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        this.loading.set(false);
        this.loadError.set(result.error);
        if (result.users) this.list.set(result.users);
      });
    inject(DestroyRef).onDestroy(() => clearTimeout(this.searchTimer));
  }

  protected citiesOf(user: UserDto): string {
    return user.cities.map(cityName).join(', ');
  }

  protected filterByRole(value: string): void {
    this.roleFilter.set((ROLES as readonly string[]).includes(value) ? (value as Role) : '');
  }

  protected filterByCity(value: string): void {
    this.cityFilter.set(value);
  }

  protected onSearchInput(value: string): void {
    this.search.set(value);
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.query.set(value.trim()), SEARCH_DELAY_MS);
  }

  /** Enter in the search field searches at once. */
  protected searchNow(event: Event): void {
    event.preventDefault();
    clearTimeout(this.searchTimer);
    this.query.set(this.search().trim());
  }

  protected resetFilters(): void {
    clearTimeout(this.searchTimer);
    this.roleFilter.set('');
    this.cityFilter.set('');
    this.search.set('');
    this.query.set('');
  }

  protected reload(): void {
    this.reloads.update((n) => n + 1);
  }

  protected openCreate(): void {
    this.status.set(null);
    this.panel.set({ mode: 'create' });
  }

  protected openInvite(): void {
    this.status.set(null);
    this.panel.set({ mode: 'invite' });
  }

  /** The invitation is on its way; the form stays open for the next one and lists it. */
  protected invited(invitation: InvitationDto): void {
    this.status.set({ key: 'users.invited', params: { email: invitation.email } });
  }

  protected edit(user: UserDto): void {
    this.status.set(null);
    this.panel.set({ mode: 'edit', user });
  }

  protected closePanel(): void {
    const panel = this.panel();
    this.panel.set(null);
    this.returnFocus(panel);
  }

  protected created(user: UserDto): void {
    this.status.set({ key: 'users.created', params: { name: user.name } });
    this.closePanel();
    this.reload();
  }

  protected updated(user: UserDto): void {
    this.status.set({ key: 'users.updated', params: { name: user.name } });
    this.replace(user);
    this.closePanel();
  }

  protected toggleActive(user: UserDto): void {
    this.status.set(null);
    this.actionError.set(null);
    this.users.update(user.id, { active: !user.active }).subscribe({
      next: (saved) => {
        this.replace(saved);
        this.status.set({ key: saved.active ? 'users.reactivated' : 'users.deactivated', params: { name: saved.name } });
      },
      error: (error: unknown) => this.actionError.set(errorMessage(error)),
    });
  }

  private load(filter: UserFilter): Observable<LoadResult> {
    return this.users.list(filter).pipe(
      map((users): LoadResult => ({ users, error: null })),
      catchError((error: unknown) => of<LoadResult>({ users: null, error: errorMessage(error) })),
    );
  }

  private replace(user: UserDto): void {
    this.list.update((users) => users.map((u) => (u.id === user.id ? user : u)));
  }

  /** Back to the button that opened the form, so keyboard users keep their place. */
  private returnFocus(panel: Panel): void {
    afterNextRender(
      () => {
        const target =
          panel?.mode === 'edit'
            ? this.host.nativeElement.ownerDocument.getElementById(`edit-user-${panel.user.id}`)
            : panel?.mode === 'invite'
              ? this.inviteButton()?.nativeElement
              : this.createButton()?.nativeElement;
        target?.focus();
      },
      { injector: this.injector },
    );
  }
}
