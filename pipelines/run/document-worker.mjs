// Worker-thread entry for reading and extracting one document at a time: plain ESM JavaScript, so
// it starts under bare Node, tsx and vitest alike. From the TypeScript sources it registers tsx
// first (a worker does not inherit the parent's loader); from dist/ the tasks module is JavaScript.
import { parentPort, workerData } from 'node:worker_threads';

if (workerData.tsx) {
  const { register } = await import('tsx/esm/api');
  register();
}
const { serveDocumentTasks } = await import(workerData.tasksModule);
// A rejection nobody awaits must not end this thread between documents; the parent's time limit
// still covers a task that never answers.
process.on('unhandledRejection', () => {});
await serveDocumentTasks(parentPort, workerData);
