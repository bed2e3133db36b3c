// Settings of the shared e2e server (playwright.config.ts) that specs need to know.

/** HEALTH_TOKEN of the test server: /api/health answers its details (the engine) only with it. */
export const E2E_HEALTH_TOKEN = 'e2e-health-token-0f3c9a';
