import { loadAllParts } from '../parts';

// Tests run the CLI as Node does: every part loaded before the first command (see ../parts).
await loadAllParts();
