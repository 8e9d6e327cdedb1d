import crypto from 'node:crypto';
import { parseArgs } from 'node:util';
import { createUserRequestSchema, roles } from '../../shared/src/contracts/accounts.ts';
import { ConfigError, loadConfig } from './config.ts';
import { composeServices } from './composition.ts';
import { openDatabase } from './platform/db/open.ts';
import { DataDirLockedError } from './platform/db/data-dir-lock.ts';
import { DomainError } from './platform/http/errors.ts';

const usage = `Cách dùng (usage):
  daihoi user add --username TEN --name "Họ và tên" --role ${roles.join('|')} --org MA_TO_CHUC [--password MAT_KHAU]
  daihoi tally TEP.json|-

Tạo tài khoản trên cơ sở dữ liệu đang cấu hình (DATA_DIR hoặc DATABASE_URL).
Không có --password: một mật khẩu ngẫu nhiên được in ra, người dùng phải đổi ở lần đăng nhập đầu.
Máy chủ phải đang dừng nếu dùng cơ sở dữ liệu nhúng.

tally: kiểm phiếu vòng bầu thứ nhất từ tệp JSON ("-" = stdin) bằng bộ đếm của hệ thống, in kết quả JSON.
Không dùng cơ sở dữ liệu. Đầu vào sai: {"error":{"code","message"}} và mã thoát 2.`;

async function main(argv: string[]) {
  const [group, command, ...rest] = argv;
  if (group === 'tally') return (await import('./cli/tally.ts')).runTallyCli(argv.slice(1));
  if (group !== 'user' || command !== 'add') {
    console.log(usage);
    return group === undefined || group === '--help' ? 0 : 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: { username: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, org: { type: 'string' }, password: { type: 'string' } },
    strict: true,
  });
  const generated = values.password ? null : crypto.randomBytes(12).toString('base64url');
  const config = loadConfig();
  const opened = await openDatabase(config);
  try {
    const org = await opened.db.query<{ id: number }>('SELECT id FROM organizations WHERE lower(code) = lower($1)', [values.org ?? '']);
    if (!org.rows[0]) {
      console.error(`Không tìm thấy tổ chức mã "${values.org ?? ''}". Tạo hoặc nhập cây tổ chức trước.`);
      return 2;
    }
    const input = createUserRequestSchema.safeParse({
      username: values.username,
      fullName: values.name,
      role: values.role,
      scopeOrgId: org.rows[0].id,
      password: values.password ?? generated,
    });
    if (!input.success) {
      for (const i of input.error.issues) console.error(`  --${i.path.join('.')}: ${i.message}`);
      console.error(usage);
      return 2;
    }
    const services = composeServices(opened.db, config);
    const user = await services.accounts.createUser(null, input.data, { mustChangePassword: generated !== null });
    console.log(`Đã tạo tài khoản ${user.username} (${user.role}) phạm vi ${user.scopeOrg.name}.`);
    if (generated) console.log(`Mật khẩu tạm: ${generated}  (phải đổi khi đăng nhập lần đầu)`);
    return 0;
  } finally {
    await opened.release();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    if (err instanceof ConfigError || err instanceof DataDirLockedError || err instanceof DomainError) {
      console.error(err.message);
      process.exit(2);
    }
    console.error(err);
    process.exit(1);
  },
);
