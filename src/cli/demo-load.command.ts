import { Command, CommandRunner } from 'nest-commander';
import { DEMO_PASSWORDS, DemoLoader } from '../demo/demo-loader';
import { demoCounty } from '../demo/demo-county';

/** `npm run cli -- demo:load`: the demo county (idempotent); `npm run demo` also starts the app. */
@Command({ name: 'demo:load', description: 'load the demo county (once) into the database of DATABASE_URL' })
export class DemoLoadCommand extends CommandRunner {
  constructor(private readonly demo: DemoLoader) {
    super();
  }

  async run(): Promise<void> {
    const result = await this.demo.load();
    console.log(
      result.loaded
        ? `demo county loaded: ${result.enterprises} enterprises, ${result.negotiations} negotiations`
        : 'demo county already loaded: nothing to do',
    );
    const county = demoCounty('2000-01-01');
    console.log('demo users (username / password):');
    console.log(
      `  ${county.supervisor.username} / ${DEMO_PASSWORDS.supervisor}  (supervisor, ${county.supervisor.displayName})`,
    );
    for (const instructor of county.instructors) {
      console.log(
        `  ${instructor.username} / ${DEMO_PASSWORDS.instructor}  (instructor, ${instructor.displayName})`,
      );
    }
    if (process.env.BOOTSTRAP_ADMIN_PASSWORD)
      console.log(`  admin / ${process.env.BOOTSTRAP_ADMIN_PASSWORD}  (admin)`);
  }
}
