import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { LanguageService } from '../language.service';

/** One button per language, named in that language; the chosen one is pressed. */
@Component({
  selector: 'wr-language-switcher',
  imports: [TranslatePipe],
  templateUrl: './language-switcher.html',
  styleUrl: './language-switcher.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LanguageSwitcher {
  private readonly language = inject(LanguageService);
  protected readonly languages = this.language.languages;
  protected readonly current = this.language.current;

  protected choose(code: string): void {
    void this.language.use(code);
  }
}
