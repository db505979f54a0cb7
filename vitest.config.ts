import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    // happy-dom walks the DOM recursively (querySelectorAll, textContent, connecting a subtree): the fuzz
    // suite's 10,000-level documents need more than V8's ~1 MB default stack. 4 MB fits the 8 MB thread stack.
    execArgv: ['--stack-size=4000'],
    // vitest's 5 s default stays for the suite: a test that needs more says so in its own file
    // (vi.setConfig at the top, or a timeout on the test), with the reason, e.g. the follow-import,
    // snapshot, rule-budget and Bluesky capture files, which a loaded CI machine once pushed past 5 s.
  },
});
