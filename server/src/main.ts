import { ConfigError, loadConfig } from './config.ts';
import { buildApp } from './app.ts';
import { composeServices } from './composition.ts';
import { openDatabase } from './platform/db/open.ts';
import { DataDirLockedError } from './platform/db/data-dir-lock.ts';
import { seedDemoIfEmpty } from './demo/seed.ts';

async function main() {
  const config = loadConfig();
  const opened = await openDatabase(config);
  const services = composeServices(opened.db, config);
  if (config.demoData) {
    const seeded = await seedDemoIfEmpty(opened.db, services);
    if (seeded) {
      console.log('\nDữ liệu mẫu đã được tạo (demo data created). Tài khoản mẫu / demo accounts:');
      for (const a of seeded.accounts) console.log(`  ${a.username.padEnd(14)} ${a.password.padEnd(18)} ${a.description}`);
      console.log('');
    }
  }
  const app = await buildApp(config, services);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: shutting down`);
    await app.close();
    await opened.release();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  console.log(`Đại Hội đang chạy tại http://localhost:${config.port} (cơ sở dữ liệu: ${opened.db.engine})`);
}

main().catch((err) => {
  if (err instanceof ConfigError || err instanceof DataDirLockedError) {
    console.error(err.message);
    process.exit(2);
  }
  console.error(err);
  process.exit(1);
});
