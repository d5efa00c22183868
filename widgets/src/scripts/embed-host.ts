// The optional one line for sites that embed the iframe: `<script type="module" src="https://PORTAL/widgets/embed-host.js"></script>`.
// Sizes every iframe of the portal's /embed/feed to the height its page reports; messages from any
// other origin, or from a window that is not one of the page's iframes, are ignored.
const portal = new URL(import.meta.url).origin;
const MAX_HEIGHT = 20000;

window.addEventListener('message', (event: MessageEvent<{ type?: unknown; height?: unknown }>) => {
  if (event.origin !== portal || event.data?.type !== 'welcome-ruhr:height') return;
  const height = Number(event.data.height);
  if (!Number.isFinite(height) || height < 0 || height > MAX_HEIGHT) return;
  for (const frame of Array.from(document.querySelectorAll('iframe'))) {
    if (frame.contentWindow === event.source) frame.style.height = `${Math.ceil(height)}px`;
  }
});
