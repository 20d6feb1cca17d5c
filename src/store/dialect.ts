/** The two back-ends. Migrations and the few dialect-specific queries branch on this, nothing else. */
export type StoreDialect = 'sqlite' | 'postgres';
