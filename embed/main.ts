/**
 * The embed builder page's script (dist/embed/embed-builder.js). The endpoint is, in order: the
 * page's `<meta name="involve-endpoint">` (for a copy of dist/embed/ hosted elsewhere), `?endpoint=`,
 * or the folder above this page (the endpoint serves it at <endpoint>/embed/).
 */
import './embed-builder.js';

const meta = document.querySelector<HTMLMetaElement>('meta[name="involve-endpoint"]')?.content.trim();
const query = new URLSearchParams(location.search).get('endpoint')?.trim();
const endpoint = (meta || query || new URL('..', location.href).href).replace(/\/+$/, '');
const builder = document.createElement('involve-embed-builder');
builder.endpoint = endpoint;
document.querySelector('main')!.append(builder);
