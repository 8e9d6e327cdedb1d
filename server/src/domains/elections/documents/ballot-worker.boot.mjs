// Boots the ballot worker thread: the server runs TypeScript through tsx, and a worker
// thread does not inherit the loader, so it registers tsx itself before loading the job.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
