import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { PASSWORD_MIN_LENGTH, Role, ROLES, UserDto } from '@welcome-ruhr/contracts';
import { Observable } from 'rxjs';
import { clientFieldMessages } from '../../shared/api-error';
import { formState } from '../../shared/form-state';
import { MessageText } from '../../shared/message/message';
import { CityPicker } from '../city-picker/city-picker';
import { UsersService } from '../users.service';

let nextId = 0;

/**
 * Creates a user (no `user` given) or edits one's name, role and cities. Sends the request itself
 * and reports the saved user; shows the API's message and its problems next to the fields.
 */
@Component({
  selector: 'wr-user-form',
  imports: [ReactiveFormsModule, TranslatePipe, MessageText, CityPicker],
  templateUrl: './user-form.html',
  styleUrl: './user-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserForm {
  private readonly users = inject(UsersService);
  private readonly injector = inject(Injector);
  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');

  /** The user to edit; without one, the form creates a new user. */
  readonly user = input<UserDto | null>(null);
  readonly saved = output<UserDto>();
  readonly cancelled = output<void>();

  protected readonly id = `user-form-${nextId++}`;
  protected readonly roles = ROLES;
  protected readonly passwordMinLength = PASSWORD_MIN_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    name: ['', Validators.required],
    password: ['', [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH)]],
    role: ['' as Role | '', Validators.required],
  });
  protected readonly cities = signal<string[]>([]);
  protected readonly role = signal<Role | ''>('');
  protected readonly editing = computed(() => this.user() !== null);
  private readonly state = formState();
  protected readonly fieldErrors = this.state.fieldErrors;
  protected readonly error = this.state.error;
  protected readonly busy = this.state.busy;
  protected readonly clearFieldError = this.state.clearField;

  constructor() {
    this.form.controls.role.valueChanges.pipe(takeUntilDestroyed()).subscribe((role) => {
      this.role.set(role);
      this.clearFieldError('role');
    });
    // Filled from the user to edit, again when another user is chosen while the form is open.
    effect(() => {
      const user = this.user();
      untracked(() => this.fill(user));
    });
  }

  private fill(user: UserDto | null): void {
    this.state.clear();
    if (user) {
      this.form.controls.email.disable();
      this.form.controls.password.disable();
      this.form.patchValue({ email: user.email, name: user.name, role: user.role });
      this.cities.set([...user.cities]);
    }
    // The form appears on request: take the focus there, so keyboard and screen reader follow.
    afterNextRender(() => this.heading().nativeElement.focus(), { injector: this.injector });
  }

  protected setCities(cities: string[]): void {
    this.cities.set(cities);
    this.clearFieldError('cities');
  }

  protected submit(): void {
    if (this.busy() || this.state.invalid(clientFieldMessages(this.form))) return;
    this.state.submit(this.save(), (saved) => this.saved.emit(saved));
  }

  private save(): Observable<UserDto> {
    const { email, name, password, role } = this.form.getRawValue();
    const validRole = role as Role; // the required validator has passed
    // Admins work for all cities; a list would only mislead.
    const cities = validRole === 'admin' ? [] : this.cities();
    const user = this.user();
    return user
      ? this.users.update(user.id, { name: name.trim(), role: validRole, cities })
      : this.users.create({ email: email.trim(), name: name.trim(), password, role: validRole, cities });
  }
}
