// deploy/nginx.conf and the app agree on the host (issue 15): nginx forwards the one host value it keys
// its cache on, never the client's Host header as sent, and replaces the client's X-Forwarded-For.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const config = fs.readFileSync(path.resolve(import.meta.dirname, '../../deploy/nginx.conf'), 'utf8');
const directives = config.split('\n').filter((line) => !line.trim().startsWith('#')).join('\n');

describe('deploy/nginx.conf', () => {
  it('forwards $host as Host and X-Forwarded-Host, the value its cache key uses', () => {
    expect(directives).toMatch(/proxy_set_header Host \$host;/);
    expect(directives).toMatch(/proxy_set_header X-Forwarded-Host \$host;/);
    expect(directives).toMatch(/proxy_cache_key "\$scheme:\/\/\$host\$request_uri/);
    expect(directives).not.toContain('$http_host');
  });

  it("replaces the client's forwarding headers and tells operators to set SITE_URL and TRUST_PROXY", () => {
    expect(directives).toContain('proxy_set_header X-Forwarded-For $remote_addr;');
    expect(directives).toContain('proxy_set_header X-Real-IP $remote_addr;');
    expect(config).toMatch(/SITE_URL=https:\/\//);
    expect(config).toMatch(/TRUST_PROXY=127\.0\.0\.1/);
  });
});
