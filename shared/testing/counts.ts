import type { TestResult } from '../contract';

interface TestCounts {
  passed: number;
  failed: number;
  skipped: number;
  /** evaluated ones: the denominator in "Tests 3/4" */
  total: number;
}

export function testCounts(results: readonly TestResult[]): TestCounts {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const result of results) {
    if (result.outcome === 'passed') passed += 1;
    else if (result.outcome === 'failed') failed += 1;
    else skipped += 1;
  }
  return { passed, failed, skipped, total: passed + failed };
}
