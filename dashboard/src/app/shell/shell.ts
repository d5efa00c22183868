import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink, RouterOutlet } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { filter, map, skip } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { LanguageSwitcher } from '../i18n/language-switcher/language-switcher';
import { isLinkActive, navLinksFor } from './navigation';

/** The frame around every signed-in page: header, role-aware navigation, account, main content. */
@Component({
  selector: 'wr-shell',
  imports: [RouterOutlet, RouterLink, TranslatePipe, LanguageSwitcher],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Shell {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  protected readonly user = this.auth.user;
  private readonly url = toSignal(
    this.router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map(() => this.router.url),
    ),
    { initialValue: this.router.url },
  );
  /** Each link with whether it is the current page's (a page belongs to one link at most). */
  protected readonly links = computed(() => {
    const url = this.url();
    return navLinksFor(this.auth.role()).map((link) => ({ ...link, active: isLinkActive(link, url) }));
  });

  constructor() {
    // After moving between pages, start reading and tabbing at the new page's content.
    // The navigation that opened the shell is skipped: the page load itself sets focus.
    this.router.events
      .pipe(
        filter((event) => event instanceof NavigationEnd),
        skip(1),
        takeUntilDestroyed(),
      )
      .subscribe(() => afterNextRender(() => this.main().nativeElement.focus(), { injector: this.injector }));
  }

  protected skipToMain(event: Event): void {
    // A plain "#main" link would resolve against <base href="/"> and leave the current page.
    event.preventDefault();
    this.main().nativeElement.focus();
  }

  protected signOut(): void {
    this.auth.logout().subscribe(() => void this.router.navigateByUrl('/login'));
  }
}
