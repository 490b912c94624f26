import { useMemo, useState } from 'react';
import { Alert, Button, Card, Empty, Input, Layout, List, Select, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { Link, Route, Routes, useParams } from 'react-router-dom';
import dayjs from 'dayjs';
import type { AnnouncementSummary, Page, PublicSuggestion, SearchHit } from '../api/types';
import { Highlighted } from '../components/Highlighted';
import { PublicSuggestionView } from '../components/PublicSuggestionView';
import { PublicNav } from '../components/PublicNav';
import { PublicReviewOpinionsPage } from './PublicReviewOpinionsPage';
import { PublicLivelihoodPage } from './PublicLivelihoodPage';
import { useApi } from '../useApi';

interface Filters {
  sessions: Array<{ id: string; name: string; year: number; published: number }>;
  years: number[];
  categories: string[];
  units: Array<{ id: string; name: string }>;
  classifications: Array<{ code: string; label: string }>;
}

/** The public site (网上公开), no sign-in: disclosed suggestions with their replies, search, and key-suggestion results. */
export function PublicPortal() {
  const { jurisdictionCode = '' } = useParams();
  const base = `/public/${encodeURIComponent(jurisdictionCode)}`;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main">跳到主要内容</a>
      <Layout.Header className="app-header">
        <Typography.Title level={1} className="app-title"><Link to={base} style={{ color: '#fff' }}>人大代表建议 · 网上公开</Link></Typography.Title>
        <a href="/" style={{ color: '#fff' }}>工作人员登录</a>
      </Layout.Header>
      <Layout.Content id="main" tabIndex={-1} className="public-content">
        <PublicNav base={base} />
        <Routes>
          <Route index element={<PublicHome base={base} code={jurisdictionCode} />} />
          <Route path="suggestions/:id" element={<PublicDetail base={base} />} />
          <Route path="review-opinions" element={<PublicReviewOpinionsPage base={base} />} />
          <Route path="livelihood" element={<PublicLivelihoodPage base={base} />} />
        </Routes>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', color: '#595959' }}>
        公开内容已依法隐去个人隐私等信息 · <a href={`/api${base}/open-data/suggestions.csv`}>开放数据下载（CSV）</a>
      </Layout.Footer>
    </Layout>
  );
}

function PublicHome({ base, code }: { base: string; code: string }) {
  const filters = useApi<Filters>(`${base}/filters`);
  const [filter, setFilter] = useState<Record<string, string | undefined>>({});
  const [page, setPage] = useState(1);
  const [query, setQuery] = useState('');
  const listPath = useMemo(() => {
    const params = new URLSearchParams({ page: String(page), pageSize: '10' });
    Object.entries(filter).forEach(([key, value]) => value && params.set(key, value));
    return `${base}/suggestions?${params}`;
  }, [base, filter, page]);
  const list = useApi<Page<PublicSuggestion>>(query ? null : listPath);
  const hits = useApi<Page<SearchHit>>(query ? `${base}/search?${new URLSearchParams({ q: query })}` : null);
  const keys = useApi<Page<PublicSuggestion>>(`${base}/suggestions?pageSize=100`);
  const keyItems = (keys.data?.items ?? []).filter((s) => s.key);
  const set = (key: string) => (value: string | number | undefined) => { setFilter({ ...filter, [key]: value === undefined ? undefined : String(value) }); setPage(1); };

  if (filters.error) return <Alert type="error" showIcon title={filters.error.startsWith('未找到') ? '没有这个人大的公开网站，请检查网址' : filters.error} />;
  return (
    <Tabs items={[
      {
        key: 'list', label: '建议列表',
        children: (
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <Input.Search size="large" placeholder="搜索建议和答复，如：公交站点" enterButton="搜索" allowClear aria-label="搜索建议和答复"
              onSearch={(value) => setQuery(value.trim())} />
            {query ? null : (
              <Space wrap>
                <Select aria-label="会议" placeholder="会议" allowClear style={{ width: 240 }} onChange={set('sessionId')}
                  options={(filters.data?.sessions ?? []).map((s) => ({ value: s.id, label: `${s.name}（${s.published} 件）` }))} />
                <Select aria-label="类别" placeholder="类别" allowClear style={{ width: 130 }} onChange={set('category')}
                  options={(filters.data?.categories ?? []).map((c) => ({ value: c, label: c }))} />
                <Select aria-label="承办单位" placeholder="承办单位" allowClear showSearch optionFilterProp="label" style={{ width: 200 }} onChange={set('unitId')}
                  options={(filters.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }))} />
                <Select aria-label="答复类别" placeholder="答复类别" allowClear style={{ width: 200 }} onChange={set('classification')}
                  options={(filters.data?.classifications ?? []).map((c) => ({ value: c.code, label: `${c.code} 类 · ${c.label}` }))} />
              </Space>
            )}
            {query ? (
              <Card size="small" title={`“${query}”的搜索结果：${hits.data?.total ?? 0} 件`} extra={<Button size="small" onClick={() => setQuery('')}>返回全部</Button>}>
                {hits.error ? <Alert type="error" showIcon title={hits.error} /> : null}
                <List loading={hits.loading} dataSource={hits.data?.items ?? []} locale={{ emptyText: '没有找到相关的建议或答复' }} renderItem={(hit) => (
                  <List.Item>
                    <List.Item.Meta title={<Link to={`${base}/suggestions/${hit.id}`}>{hit.numberLabel} <Highlighted html={hit.highlightedTitle} /></Link>}
                      description={<><Highlighted html={hit.snippet} /><div className="muted">{hit.session.name} · {hit.category}</div></>} />
                  </List.Item>
                )} />
              </Card>
            ) : (
              <Card size="small">
                {list.error ? <Alert type="error" showIcon title={list.error} /> : null}
                <List loading={list.loading} dataSource={list.data?.items ?? []} locale={{ emptyText: '暂无公开的建议' }}
                  pagination={{ current: page, pageSize: 10, total: list.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 件` }}
                  renderItem={(s) => (
                    <List.Item>
                      <List.Item.Meta title={<Link to={`${base}/suggestions/${s.id}`}>{s.numberLabel} {s.title}</Link>}
                        description={<Space wrap size={4}>
                          <Tag>{s.category}</Tag>
                          {s.classification ? <Tag color="blue">{s.classification.code} 类</Tag> : null}
                          <span>{s.leadDeputy} · {s.units.map((u) => u.name).join('、')} · {s.replies.length ? `已答复 ${s.replies.length} 件` : '待答复'}</span>
                        </Space>} />
                    </List.Item>
                  )} />
              </Card>
            )}
          </Space>
        ),
      },
      {
        key: 'key', label: '重点建议测评结果',
        children: (
          <Card size="small">
            <List loading={keys.loading} dataSource={keyItems} locale={{ emptyText: '暂无公开的重点建议测评结果' }} renderItem={(s) => (
              <List.Item extra={<Tag color={s.key?.result === 'PASSED' ? 'green' : s.key?.result === 'FAILED' ? 'red' : 'gold'}>
                {s.key?.result === 'PASSED' ? '测评通过' : s.key?.result === 'FAILED' ? '测评未通过' : '待测评'}</Tag>}>
                <List.Item.Meta title={<Link to={`${base}/suggestions/${s.id}`}>{s.numberLabel} {s.title}</Link>} description={s.units.map((u) => u.name).join('、')} />
              </List.Item>
            )} />
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>各项测评的票数见“测评公告”。</Typography.Paragraph>
          </Card>
        ),
      },
      { key: 'announcements', label: '测评公告', children: <Announcements code={code} /> },
    ]} />
  );
}

/** The standing committee's published vote announcements (公告), newest first, each as a page and a Word file. */
function Announcements({ code }: { code: string }) {
  const { data, error, loading } = useApi<AnnouncementSummary[]>(`/public/vote-announcements?${new URLSearchParams({ jurisdiction: code })}`);
  return (
    <Card size="small">
      {error ? <Alert type="error" showIcon title={error} /> : null}
      <List itemLayout="vertical" loading={loading} dataSource={data ?? []} locale={{ emptyText: '暂无已发布的测评公告' }} renderItem={(a) => (
        <List.Item actions={[
          <a key="page" href={a.url} target="_blank" rel="noreferrer">查看公告</a>,
          <a key="docx" href={a.docxUrl} download aria-label={`下载 ${a.label} Word 版`}>下载 Word 版</a>,
        ]}>
          <List.Item.Meta
            title={<a href={a.url} target="_blank" rel="noreferrer">{a.label} {a.title}</a>}
            description={<Space wrap size={4}>
              <span>{a.meetingName} · {dayjs(a.meetingDate).format('YYYY年M月D日')}</span>
              <Tag color={a.passed === a.items ? 'green' : 'orange'}>测评 {a.items} 项，通过 {a.passed} 项</Tag>
            </Space>} />
        </List.Item>
      )} />
    </Card>
  );
}

function PublicDetail({ base }: { base: string }) {
  const { id } = useParams();
  const { data, error, loading } = useApi<PublicSuggestion>(`${base}/suggestions/${id}`);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Link to={base}>← 返回列表</Link>
      {error ? <Alert type="error" showIcon title={error} /> : null}
      {loading && !data ? <Spin description="正在加载…"><div style={{ height: 120 }} /></Spin> : null}
      {data ? <Card><PublicSuggestionView suggestion={data} /></Card> : !loading && !error ? <Empty /> : null}
    </Space>
  );
}
