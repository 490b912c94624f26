import { InvalidConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('applies defaults to an empty environment', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DEMO_MODE).toBe(false);
  });

  it('converts numbers and booleans', () => {
    const config = loadConfig({ PORT: '8080', DEMO_MODE: 'true' });
    expect(config.PORT).toBe(8080);
    expect(config.DEMO_MODE).toBe(true);
  });

  it('names every bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', JWT_SECRET: 'short' })).toThrow(InvalidConfigError);
    try {
      loadConfig({ PORT: 'eighty', JWT_SECRET: 'short' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain('JWT_SECRET must be at least 32 characters');
    }
  });
});
