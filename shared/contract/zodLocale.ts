import * as z from 'zod';
import { zhCN } from 'zod/locales';

// Built-in messages (wrong type, unknown key…) in Chinese, for every side that imports the contract.
z.config(zhCN());
