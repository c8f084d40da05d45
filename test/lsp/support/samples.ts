/** Small reports for the LSP tests: every part present, a clean numbering to break on purpose, one checkable rate. */
export const REPORT = [
  '某县2023年法治政府建设年度报告',
  '2023年，某县坚持以习近平法治思想为指导，现将法治政府建设工作情况报告如下。',
  '一、2023年推进法治政府建设的主要举措和成效',
  '（一）加强行政执法监督',
  '全年办理行政复议案件40件，审结38件，审结率95%。',
  '（二）深化政务公开',
  '1、完善公开目录',
  '2、加强信用监管',
  '二、存在的不足和原因',
  '一是执法队伍专业化水平不高。究其原因，主要是培训不够。',
  '三、党政主要负责人履行推进法治建设第一责任人职责情况',
  '县政府主要负责人认真履行法治建设第一责任人职责，主持召开常务会议专题研究法治政府建设。',
  '四、2024年推进法治政府建设的主要安排',
  '（一）持续深化依法行政',
  '（二）加强行政执法队伍建设',
  '某县人民政府',
  '2024年1月10日',
  '',
].join('\n');

/** REPORT with a numbering gap: （一） is followed by （三）. */
export const GAPPED = REPORT.replace('（二）深化政务公开', '（三）深化政务公开');

/** Only the measures part: shortcomings, the leaders' duty and plans are missing. */
export const PARTIAL = [
  '某县2023年法治政府建设年度报告',
  '一、2023年推进法治政府建设的主要举措和成效',
  '（一）加强行政执法监督',
  '（二）深化政务公开',
  '1、完善公开目录',
  '2、加强信用监管',
  '',
  '',
].join('\n');
