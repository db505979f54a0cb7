import { mount } from '../ui/mount';
import './popup.css';
import { Popup } from './Popup';

mount(<Popup />);
