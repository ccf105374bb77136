import { describe, expect, it } from 'vitest';
import { redactUrl } from './log-redaction.js';

const token = 'q2Vx9_fRk3mN7pLz0aYbTc4uWe8sHd1jGo5iKv6XnQA';

describe('redactUrl', () => {
  it('replaces a survey link token in the web app path and in the API path', () => {
    expect(redactUrl(`/enkat/${token}`)).toBe('/enkat/[redacted]');
    expect(redactUrl(`/api/public/surveys/${token}`)).toBe('/api/public/surveys/[redacted]');
    // Even a short or odd-looking token under those paths.
    expect(redactUrl('/enkat/abc?x=1')).toBe('/enkat/[redacted]?x=1');
  });

  it("replaces the OpenID Connect callback's code and state, and any token-like parameter", () => {
    expect(redactUrl('/api/session/oidc/callback?code=abc123&state=xyz&iss=https%3A%2F%2Fidp')).toBe(
      '/api/session/oidc/callback?code=[redacted]&state=[redacted]&iss=https%3A%2F%2Fidp',
    );
    expect(redactUrl(`/api/something?key=${token}`)).toBe('/api/something?key=[redacted]');
  });

  it('replaces a token-like path segment anywhere, but keeps record ids and ordinary queries readable', () => {
    expect(redactUrl(`/api/new-route/${token}/x`)).toBe('/api/new-route/[redacted]/x');
    const id = '3f1c2a9e-5b7d-4e8f-9a0b-1c2d3e4f5a6b';
    expect(redactUrl(`/api/plans/${id}/export?format=docx`)).toBe(`/api/plans/${id}/export?format=docx`);
    expect(redactUrl('/api/reports/city?year=2019&format=json')).toBe('/api/reports/city?year=2019&format=json');
  });
});
