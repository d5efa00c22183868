// Colours: --wr-* from the page win over a preset's --wrp-*, which win over the defaults (WCAG AA on both
// schemes: text 15:1, muted text 7:1, accent 6:1 against the background and the button text).
const LIGHT = '--a:var(--wr-accent,var(--wrp-accent,#0b5cad));--b:var(--wr-bg,var(--wrp-bg,#fff));--t:var(--wr-text,var(--wrp-text,#1b1c20));--m:var(--wr-muted,#4b5060);--l:var(--wr-border,#d3d7de);--o:var(--wr-on-accent,#fff)';
const DARK = '--a:var(--wr-accent,var(--wrp-accent,#8cc4ff));--b:var(--wr-bg,var(--wrp-bg,#16181d));--t:var(--wr-text,var(--wrp-text,#eef0f4));--m:var(--wr-muted,#b5bbc6);--l:var(--wr-border,#3a3f4b);--o:var(--wr-on-accent,#0d1117)';

export const CSS = `
:host{display:block}
:host([hidden]){display:none}
*{box-sizing:border-box}
[hidden]{display:none!important}
.r{${LIGHT};--rad:var(--wr-radius,var(--wrp-radius,8px));font:var(--wr-font-size,1rem)/1.5 var(--wr-font,var(--wrp-font,system-ui,sans-serif));background:var(--b);color:var(--t);border-radius:var(--rad);padding:var(--wr-padding,1rem);text-align:start}
.dark{${DARK}}
@media (prefers-color-scheme:dark){.auto{${DARK}}}
h2{font-size:1.25em;line-height:1.3;margin:0 0 .75rem}
ul{list-style:none;margin:0;padding:0;display:grid;gap:1rem}
li{display:flex;gap:.75rem;min-width:0;position:relative}
li>div{min-width:0;flex:1}
.grid ul{grid-template-columns:repeat(auto-fill,minmax(min(100%,15rem),1fr))}
.grid li,.carousel li{flex-direction:column;border:1px solid var(--l);border-radius:var(--rad);padding:.75rem}
img{display:block;object-fit:cover;border-radius:calc(var(--rad)/2);background:var(--l);max-width:100%}
.list img{width:6rem;height:4.5rem;flex:none}
.grid img,.carousel img{width:100%;height:auto;aspect-ratio:16/9}
.carousel ul{grid-auto-flow:column;grid-auto-columns:min(100%,22rem);overflow-x:auto;scroll-snap-type:inline mandatory;overscroll-behavior-inline:contain;scroll-behavior:smooth;padding-block-end:.5rem}
.carousel li{scroll-snap-align:start}
h3{font-size:1.05em;line-height:1.35;margin:.1rem 0 .25rem}
a{color:inherit}
h3 a{text-decoration:none}
h3 a:hover{text-decoration:underline}
p{margin:0 0 .5rem}
.c{overflow-wrap:anywhere}
.c ul,.c ol{display:block;padding-inline-start:1.25rem;list-style:revert}
.s{display:-webkit-box;-webkit-line-clamp:4;-webkit-box-orient:vertical;overflow:hidden}
.m{color:var(--m);font-size:.875em;margin:0;display:flex;flex-wrap:wrap;gap:0 .6em}
.w{position:relative}
.tip{display:none;position:absolute;inset-block-start:100%;inset-inline-start:0;z-index:2;background:var(--t);color:var(--b);padding:.2em .5em;border-radius:4px;white-space:nowrap}
.w:hover .tip,.w:focus-within .tip{display:block}
.notip .tip{display:none!important}
:focus-visible{outline:3px solid var(--a);outline-offset:2px}
button{font:inherit;color:var(--o);background:var(--a);border:2px solid transparent;border-radius:var(--rad);padding:.4rem 1rem;min-height:2.75rem;min-width:2.75rem;cursor:pointer}
button:disabled{opacity:.7;cursor:progress}
.more,.ctl{display:flex;gap:.5rem;margin-block-start:1rem;justify-content:center}
[dir=rtl] .arr{display:inline-block;transform:scaleX(-1)}
.vh{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap}
[role=status]:empty{margin:0}
@media (prefers-reduced-motion:reduce){.carousel ul{scroll-behavior:auto}}
`;

let sheet: CSSStyleSheet | undefined;

/** One constructed stylesheet shared by every instance (no inline <style> needed), else a <style> element. */
export function applyStyles(root: ShadowRoot): void {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet !== 'undefined' && 'replaceSync' in CSSStyleSheet.prototype) {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
    }
    root.adoptedStyleSheets = [sheet];
  } else {
    const style = root.ownerDocument.createElement('style');
    style.textContent = CSS;
    root.appendChild(style);
  }
}
