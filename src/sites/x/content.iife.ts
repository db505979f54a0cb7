import { z } from 'zod'; console.debug('doorman content', z.string().parse('x'));
