/**
 * Content-Disposition for a download with a Vietnamese file name: an ASCII fallback for old
 * clients and the exact UTF-8 name per RFC 5987. Control characters and path separators are
 * removed so a name cannot break the header or suggest a path.
 */
export function attachment(name: string, asciiFallback: string = name): string {
  const clean = name.replace(/[\p{Cc}/\\]/gu, ' ').replace(/\s+/gu, ' ').trim();
  const encoded = encodeURIComponent(clean).replace(/['()*]/gu, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const fallback = asciiFallback.normalize('NFD').replace(/[\u0300-\u036f]/gu, '').replace(/đ/gu, 'd').replace(/Đ/gu, 'D');
  return `attachment; filename="${fallback.replace(/[^A-Za-z0-9._-]/gu, '_')}"; filename*=UTF-8''${encoded}`;
}
