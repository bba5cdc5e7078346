/**
 * Prints one closing line, `Tests: N passed, N failed, N skipped`, after the
 * default reporter's output, so CI logs end with the counts.
 */
export function summaryReporter() {
  let line = '';
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      const walk = (suite) => {
        for (const test of suite.tests ?? []) {
          if (test.skipped) skipped += 1;
          else if (test.passed) passed += 1;
          else failed += 1;
        }
        for (const child of suite.suites ?? []) walk(child);
      };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults);
        // A file that failed to load counts as a failure even with no test results.
        if (!session.passed && (!session.testResults || session.errors?.length)) failed += session.errors?.length ? 0 : 1;
      }
      line = `Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
    },
    stop() {
      if (line) console.log(`\n${line}`);
    },
  };
}
