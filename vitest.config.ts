import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    // happy-dom walks the DOM recursively (querySelectorAll, textContent, connecting a subtree): the fuzz
    // suite's 10,000-level documents need more than V8's ~1 MB default stack. 4 MB fits the 8 MB thread stack.
    execArgv: ['--stack-size=4000'],
  },
});
