// Builds elements from data without ever parsing it as markup: article text is untrusted.

/** An element with its attributes (null, undefined and false are left out) and its children as text or nodes. */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/** A link only when the address is http(s): a javascript: or data: address in an article's url is never made clickable. */
export function safeLink(address, text) {
  try {
    const url = new URL(address);
    if (url.protocol === 'http:' || url.protocol === 'https:')
      return el('a', { href: url.href, rel: 'noopener noreferrer external' }, text ?? url.href);
  } catch {
    // not an absolute address: shown as text below
  }
  return el('span', {}, text ?? address);
}
