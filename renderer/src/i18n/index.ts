export { zhCN as t } from './zh-CN';
// Domain vocabulary (school kinds, levels, cities) is shared with exported documents.
export {
  demonstrationLevelLabels,
  hubeiCities,
  schoolKindLabels,
} from '../../../shared/domain/school';
