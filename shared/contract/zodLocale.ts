import { z } from 'zod';

// Built-in messages (wrong type, unknown key…) in Chinese, for every side that imports the contract.
z.config(z.locales.zhCN());
