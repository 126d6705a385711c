import { buildDatabase } from "../setup/build-db";

// The soak/crash database: a fresh file from the migrations and the demo seed (path in argv[2]).
await buildDatabase(process.argv[2]!);
