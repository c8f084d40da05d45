// Preloaded into a child process (node --require): reports its peak resident memory on exit, so a
// test can compare what two input sizes cost the whole process.
process.on('exit', () => {
  require('node:fs').writeSync(2, `\npeak-rss-kb=${process.resourceUsage().maxRSS}\n`);
});
