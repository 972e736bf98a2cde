import { writeFileSync } from 'node:fs';
import { expect, openApp, test } from './fixtures';
import { limitFile, LIMIT_FORMATS } from './limit-files';

// Every text format we read, at its limit (64 MiB, at most 250,000 events), is read in the load
// worker: from the file's bytes in hand ("faultline:data-arrived") until the read is done
// ("faultline:data-read"), the page only unpacks slices of the result, each in a short task of its
// own. The bound is relative, so it holds on a busy machine as on a quiet one: no task takes a
// tenth of the read. Read on the page, as before, the import was one task as long as the read
// itself (8.1 s for a 62 MB ACLED export). The longest task is written into the report: 50–90 ms
// on a quiet machine, up to ~300 ms beside two CPU burners, against reads of 5–30 s. Handing the
// dataset to the views and drawing it is a task of its own, as for any dataset of that size, and
// the benchmark measures it.

test.describe.configure({ timeout: 300_000 });

for (const format of LIMIT_FORMATS) {
  test(`${format} at its size limit is read off the page, in short tasks`, async ({ page }) => {
    const file = limitFile(format);
    const path = test.info().outputPath(file.name);
    writeFileSync(path, file.text);
    await page.addInitScript(() => {
      const tasks: { start: number; duration: number }[] = [];
      (window as unknown as { longTasks: typeof tasks }).longTasks = tasks;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    await openApp(page);
    // The page's own start (the map's first draw) is done before the file is chosen.
    await page.waitForFunction(() => performance.getEntriesByName('faultline:map-interactive').length > 0);
    await page.getByTestId('data-button').click();
    await page.getByTestId('open-file').setInputFiles(path);
    await expect(page.getByTestId('import-result')).toContainText(`Opened ${file.name}`, { timeout: 240_000 });
    // The read: from the bytes in hand (data-arrived) to the dataset ready to hand over (data-read).
    const { arrived, read, tasks } = await page.evaluate(() => ({
      arrived: performance.getEntriesByName('faultline:data-arrived').at(-1)!.startTime,
      read: performance.getEntriesByName('faultline:data-read').at(-1)!.startTime,
      tasks: (window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks,
    }));
    expect(read).toBeGreaterThan(arrived);
    const during = tasks.filter((t) => t.start + t.duration > arrived && t.start < read);
    const longest = Math.max(0, ...during.map((t) => t.duration));
    test.info().annotations.push({
      type: 'longest main-thread task',
      description: `${Math.round(longest)} ms during a read of ${Math.round(read - arrived)} ms`,
    });
    expect(longest).toBeLessThan((read - arrived) / 10);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('event-count')).toHaveText(`${file.events.toLocaleString('en-GB')} events`);
  });
}
