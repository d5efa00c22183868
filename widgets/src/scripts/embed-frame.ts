// Runs inside the iframe page /embed/feed: tells the embedding page how tall the content is, so that
// /widgets/embed-host.js can size the iframe. A height is no secret, so any parent may read it.
const HEIGHT_MESSAGE = 'welcome-ruhr:height';

if (window.parent !== window) {
  const post = () =>
    window.parent.postMessage({ type: HEIGHT_MESSAGE, height: Math.ceil(document.documentElement.getBoundingClientRect().height) }, '*');
  new ResizeObserver(post).observe(document.documentElement);
}
