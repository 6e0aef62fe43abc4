// Reduces a saved web page to its article text before it is submitted, as the CLI does for .html
// files: scripts, styles, navigation, headers, footers and asides go; the article (or main, or the
// body) stays, one line per paragraph, heading or list item, and the page's headline leads. The page
// is parsed by DOMParser into an inert document: nothing in it runs or loads.

const Dropped = 'script, style, noscript, template, nav, header, footer, aside, form, button, iframe, svg, object';

const Blocks = new Set([
  'p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'blockquote',
  'pre', 'figure', 'figcaption', 'table', 'tr', 'td', 'th', 'dd', 'dt', 'dl', 'address', 'time', 'hr',
]);

export function articleTextOfHtml(html) {
  const page = new DOMParser().parseFromString(html, 'text/html');
  const headline = clean(page.querySelector('article h1, main h1, h1')?.textContent
    ?? page.querySelector("meta[property='og:title']")?.getAttribute('content')
    ?? page.title);
  for (const element of page.querySelectorAll(Dropped)) element.remove();
  const root = page.querySelector('article') ?? page.querySelector('main') ?? page.body ?? page;
  const parts = [];
  collect(root, parts);
  const lines = parts.join('').split('\n').map(clean).filter(line => line.length > 0);
  if (headline && !lines.includes(headline)) lines.unshift(headline);
  return lines.join('\n\n');
}

function collect(node, parts) {
  if (node.nodeType === Node.TEXT_NODE) {
    // Line breaks inside an element are the page source's layout, not the article's.
    parts.push(node.data.replace(/[\r\n]/g, ' '));
    return;
  }
  const name = node.nodeType === Node.ELEMENT_NODE ? node.localName : '';
  if (name === 'br') {
    parts.push('\n');
    return;
  }
  const block = Blocks.has(name);
  if (block) parts.push('\n');
  for (const child of node.childNodes) collect(child, parts);
  if (block) parts.push('\n');
}

function clean(line) {
  return (line ?? '').replace(/[\s\u00A0]+/g, ' ').trim();
}
