// Doorman on x.com: the shared content machinery driven by the X adapter.
import { startContent } from '../../content/start';
import { xAdapter } from './adapter';

startContent(xAdapter);
