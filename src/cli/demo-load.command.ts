import { Command, CommandRunner } from 'nest-commander';
import { demoCity } from '../demo/demo-city';
import { DEMO_PASSWORDS, DemoLoader } from '../demo/demo-loader';

/** `npm run cli -- demo:load`: the demo city federation (idempotent); `npm run demo` also starts the app. */
@Command({
  name: 'demo:load',
  description: 'load the demo city federation (once) into the database of DATABASE_URL',
})
export class DemoLoadCommand extends CommandRunner {
  constructor(private readonly demo: DemoLoader) {
    super();
  }

  async run(): Promise<void> {
    const result = await this.demo.load();
    const city = demoCity('2000-01-01');
    console.log(
      result.loaded
        ? `demo city ${city.name} loaded: ${result.counties} counties, ${result.enterprises} enterprises, ${result.negotiations} negotiations`
        : 'demo city already loaded: nothing to do',
    );
    console.log('demo users (username / password, what each sees):');
    const line = (username: string, role: keyof typeof DEMO_PASSWORDS, sees: string) =>
      console.log(`  ${username} / ${DEMO_PASSWORDS[role]}  (${role}, ${sees})`);
    if (process.env.BOOTSTRAP_ADMIN_PASSWORD)
      console.log(`  admin / ${process.env.BOOTSTRAP_ADMIN_PASSWORD}  (admin, the whole deployment)`);
    line(city.supervisor.username, 'supervisor', `${city.name}: its three counties`);
    for (const { name, admin, county } of city.counties) {
      line(admin.username, 'admin', `${name} only`);
      line(county.supervisor.username, 'supervisor', `${name} only`);
      for (const instructor of county.instructors) {
        line(instructor.username, 'instructor', `${instructor.displayName}, own enterprises in ${name}`);
      }
    }
  }
}
