import { Flex, Image, Typography } from 'antd';
import { useQuery } from '../../api/useQuery';
import { t } from '../../i18n';

/** A student's 证件照 as a thumbnail (click to enlarge), or where to import one. */
export function StudentPhoto({ studentId }: { studentId: number }) {
  const photo = useQuery('photos.get', { studentId });
  const text = t.photos;
  if (photo.state !== 'ready') return null;
  if (!photo.data) {
    return (
      <Typography.Text type="secondary" data-testid="student-photo-none">
        {text.noPhoto}
      </Typography.Text>
    );
  }
  const { contentBase64, mime, width, height, sourceName } = photo.data;
  return (
    <Flex gap={12} align="end">
      <Image
        width={72}
        src={`data:${mime};base64,${contentBase64}`}
        alt={text.studentPhoto}
        data-testid="student-photo"
      />
      <Typography.Text type="secondary">
        {width}×{height}
        <br />
        {text.photoFrom(sourceName)}
      </Typography.Text>
    </Flex>
  );
}
