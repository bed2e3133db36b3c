import { describe, expect, it } from 'vitest';
import { safeReturn } from './safe-return';

describe('safeReturn', () => {
  it('keeps paths of this site', () => {
    expect(safeReturn('/admin/news?status=pending#top')).toBe('/admin/news?status=pending#top');
    expect(safeReturn(['/admin/users', '/x'])).toBe('/admin/users');
  });

  it('refuses anything that could leave the site', () => {
    for (const bad of ['//evil.example', '/.//evil.example', '/..//evil.example', '/%2e//evil.example', '/\\evil.example', '/\t/evil.example', '/\n/evil.example', 'https://evil.example', 'javascript:alert(1)', '', undefined]) {
      expect(safeReturn(bad), String(bad)).toBe('/admin');
    }
  });
});
