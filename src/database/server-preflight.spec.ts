import { charsetRefusal } from './server-preflight';

describe('charsetRefusal (the start-up check of a MySQL/MariaDB connection)', () => {
  const good = { client: 'utf8mb4', connection: 'utf8mb4', results: 'utf8mb4', probe: '工会' };

  it('accepts a connection whose character sets are utf8mb4 and that returns Chinese unchanged', () => {
    expect(charsetRefusal(good)).toBeNull();
  });

  it('refuses a server that forces latin1 on the connection, naming each setting and the fix', () => {
    const refusal = charsetRefusal({ ...good, client: 'latin1', results: 'latin1', probe: '??' });
    expect(refusal).toMatch(/character_set_client is latin1, character_set_results is latin1, not utf8mb4/);
    expect(refusal).toMatch(/character-set-server=utf8mb4/);
  });

  it("refuses MySQL's three-byte utf8 (utf8mb3), which loses characters outside the basic plane", () => {
    expect(charsetRefusal({ ...good, connection: 'utf8mb3' })).toMatch(/character_set_connection is utf8mb3/);
  });

  it('refuses a connection that mangles a Chinese string', () => {
    expect(charsetRefusal({ ...good, probe: '??' })).toMatch(/'工会' came back as '\?\?'/);
  });
});
