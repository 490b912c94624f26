import { Menu } from 'antd';
import { Link, useLocation } from 'react-router-dom';

/** The public site's sections: suggestions and replies, review opinions, livelihood projects. */
export function PublicNav({ base }: { base: string }) {
  const { pathname } = useLocation();
  const section = pathname.startsWith(`${base}/review-opinions`) ? 'review-opinions' : pathname.startsWith(`${base}/livelihood`) ? 'livelihood' : 'suggestions';
  return (
    <Menu mode="horizontal" selectedKeys={[section]} aria-label="公开内容栏目" style={{ marginBottom: 12, background: 'transparent' }} items={[
      { key: 'suggestions', label: <Link to={base}>建议和答复</Link> },
      { key: 'review-opinions', label: <Link to={`${base}/review-opinions`}>审议意见</Link> },
      { key: 'livelihood', label: <Link to={`${base}/livelihood`}>民生实事</Link> },
    ]} />
  );
}
