"""Question words that are not values of the data: negation, ranking, comparison, grouping, filler.

Data, like the semantic layer: extend these lists when managers phrase things in a way we do not understand yet.
Patterns are regular expressions over the normalised (NFKC, lower-case) question.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

WRITE_WORDS = (
    r"把.{0,40}(停用|禁用|冻结|注销|启用|解冻|关掉|关闭掉|转给|转交给|指派给|重新分配)", r"(都|全部|全)(停用|禁用|冻结|注销)(掉)?\s*[。!！?？]?$",
    r"把.{0,40}核销", r"把.{0,40}(标成|标为|标记成|标记为|设为|设成)(无效|有效|已|未|[a-z])", r"核销掉", r"(都|全部|全)核销", r"删除", r"删掉", r"删了", r"清空", r"清除", r"修改", r"更改", r"改成", r"改为", r"改一下", r"更新.{0,6}(为|成|到)",
    r"插入", r"添加一(个|条)", r"(补|补录|补记|补登|加|记)(一|两|几)?(条|个|笔|次)[^，,。？?]{0,12}(记录|跟进|拜访|线索|商机|合同|回款)",
    r"^(please |pls |can you |could you )*(log|add|record|enter) (a|an|one|the) (new )?(visit|call|activity|follow[- ]?up|"
    r"meeting|demo|note|payment)\b", r"转给", r"转移给", r"转到", r"(?<!没有)(?<![没未不])分配给(?!任何)(?![^，,。？?]{1,6}?的(线索|客户|商机))", r"指派给", r"移交",
    r"(把|将).{0,30}分(几个|几家|一些|点|一部分|一半)?给",
    r"(都|全部|全)分给",
    r"派给", r"划给", r"划到", r"交给.{0,8}(跟|负责|处理)", r"\breassign", r"\btransfer\b",
    r"(?<!\bnot )(?<!\bnot yet )(?<!n't )\bassign\b.{0,40}\bto\b", r"新建一(个|条)", r"创建一(个|条)", r"录入一(个|条)", r"把.{0,20}(改|设|删)",
    r"\b(clear|reset|wipe|erase|purge) (out )?(the|all|my|his|her|their|every|this|that|these|those)\b", r"\bdelete\b", r"\bdrop\b(?! the ones (that|which|who)\b)", r"\bupdate\b", r"\binsert\b", r"\btruncate\b", r"\balter\b", r"\bremove\b(?! the ones (that|which|who)\b)",
    r"^(please |pls |can you |could you )*(change|set|switch|mark|move|flip) (contract|deal|opportunity|lead|account|"
    r"payment|installment|quote|activity)s? \S+ (to|as|into)\b", r"'\s*or\s*'?\w+'?\s*=\s*'?\w+", r"\bor\s+1\s*=\s*1\b", r"\bclose (them|it|these|those|all|the [a-z]+)\b.{0,20}\bas (lost|won|closed)\b", r"\bmodify\b", r"\b(flip|bump|backdate|overwrite|rewrite)\b.{1,60}\b(to|into|as)\b", r"\bchange the\b", r"\b(change|set|move|switch|mark) (my|his|her|their|this|that|the|every|all|all the) .{1,40}\b(to|as)\b", r"\bset the\b", r"^(please |pls |can you |could you )*(set|mark|change|move|switch) [^?]{1,40}'s [^?]{1,40}\b(to|as)\b", r"^(please |pls |can you |could you )*set\b.{1,40}(\bequal to\b|=)",
    r"^(please |pls |can you |could you )*set (the )?[a-z_]+( [a-z_]+)? to\b", r"\bgrant\b", r"\battach\b", r"\bpragma\b", r"\bcreate (a|an|the|table)\b",
    r"\badd (a|an) (new )?([a-z-]+ )?(customer|account|lead|deal|opportunity|contact)\b",
    r"^(please |pls |can you |could you )*add \S+ (at|to) .{2,40} as (a |an |the )?(decision maker|contact)\b",
    # "标记为决策人的联系人" describes; it does not write
    r"标记(成|为)(?![^，,。？?的]{1,8}的[\u4e00-\u9fff])", r"(?<!已经被我)(?<!被我)(?<!已被)标成(?!无效|有效)(?![^，,。？?]{0,8}的)", r"\b(mark|flag|tag)\b.{1,60}\bas\b",
    # moving a date is a write: "push the expected close date … to next Friday", "把预计成交日期推迟到下周"
    # SQL typed into the question ("城市 = '上海' UNION SELECT email FROM sales_rep --", "直接执行 SELECT * FROM …")
    r"\bunion\s+(all\s+)?select\b", r"\bselect\s+(\*|[a-z_][a-z_0-9., ]{0,60})\s+from\s+[a-z_]+",
    r"\bclose (out )?(all (of )?)?(my|his|her|their|the|these|those|them|it)\b.{0,40}\bas (lost|won|closed)\b",
    r"\b(push|move|postpone|reschedule|delay|bump)\b.{0,40}\b(dates?|deadlines?|deals?|opportunit(y|ies)|meetings?|visits?)"
    r"\b.{0,30}\b(to|until)\b", r"(推迟|延期|延后|提前|挪)到",
)

NEGATED_FOLLOW_UP = (
    r"(从来)?(未|没有?|无|从未|从没)(任何)?(人)?(被)?(跟进|拜访|联系|跟踪|走访|回访)(过)?",
    r"(no|without( any)?) (follow[- ]?ups?|activit(y|ies)|visits?|contact)",
    r"(not|never|haven'?t|hasn'?t|weren'?t|wasn'?t) (been )?(followed[- ]?up|visited|contacted|touched)( on| with)?",
    r"(not|never|haven'?t|hasn'?t) (been )?in (touch|contact) with( them| it)?( at all)?",
    r"\b(logged|did|recorded|done) nothing\b|\bnothing (logged|recorded)\b|\bno activity (logged|recorded)\b|"
    r"\b(haven'?t|hasn'?t|didn'?t|did not|have not|has not) (logged|recorded) (anything|any activity|any follow[- ]?ups?)\b",
    r"\b(we |i |you |they )?(didn'?t|did not|don'?t|do not|never) (follow[- ]?up|get in touch|reach out)( on| with| to)?",
    r"沉默", r"无人跟进", r"没人跟", r"没(有)?动(静)?(过)?",
    r"(还)?(一条|一次|一个|一回)(跟进|拜访|跟进记录|活动)(记录)?(都|也)(还)?(没|没有|未)(有)?(过)?",
    r"(haven't|hasn't|hadn't|didn't|don't|doesn't|never) (had|have|get|got|received|logged|recorded|seen)( a single| any| an?|"
    r" one)? (follow[- ]?ups?|activit(y|ies)|contact|touch(es|points?)?)( logged| recorded)?( against them| on them| with "
    r"them)?",
    r"(nobody|no one|no-one)('s| has| have| had)? (ever )?(touched|followed[- ]?up( on| with)?|visited|reached out to|"
    r"contacted|called|reached|gotten back to|got back to)",
)
# Negation of one kind of follow-up: "一个电话都没打过" (no calls), "没上门拜访过" (no visits).
TYPED_NEGATION = (
    # "近7天没有有效跟进的医院": follow-ups marked effective are the ones that count
    (r"(没有|没|未)(过)?有效(的)?(跟进|沟通|联系)(过|记录)?|\b(no|without (an? |any )?)effective (follow[- ]?ups?|activit(y|ies))\b",
     ("effective",)),
    (r"(一个|一通|一次)?电话(都|也)?没(有)?打过?|没(有)?打过?电话(跟进|联系)?|no (phone )?calls?|never called|not called|"
     r"(haven'?t|hasn'?t|didn'?t|did not|have not|has not) (been )?called", ("call",)),
    (r"(一次)?(都|也)?(还)?没(有)?(人|被|任何)?去?(上门)?拜访(过|记录)?|(一次)?(上门)?拜访(都|也)?没(有)?(过)?|没(有)?上门(拜访)?过?|no visits?|"
     r"never (been )?visited|not (been )?visited|(haven'?t|hasn'?t|have not|has not) (been )?visited|(haven'?t|hasn'?t|"
     r"have not|has not|never) (had|got) (a |an |any )?(on-site )?visits?|without (a |an |any )?(on-site )?visits?|(haven't|hasn't|didn't) (i|we|you|he|she|they) "
     r"visited|(nobody|no one|no-one) (has |have |had )?(ever )?visited( them| it)?|(haven'?t|hasn'?t|didn'?t|did not) "
     r"(log(ged)?|made|make|done|do|paid|pay|record(ed)?) (a |any )?(single )?visits?", ("visit",)),
    (r"没(有)?(做过|安排过)?(产品)?演示|no (product )?demos?(?! (has been |was |is )?(scheduled|booked|arranged)| yet)"
     r"|never (had|got) a (product )?demo|(haven'?t|hasn'?t|didn'?t|did not) (logged?|had|have|done|do|run|held|give|"
     r"given|gave) (a |any )?(product )?demos?|(haven'?t|hasn'?t) (been )?(given|shown) a (product )?demo",
     ("demo",)),
    (r"没(有)?(任何)?(发过?|通过?|用)?微信(跟进|沟通|联系|往来)?(过)?|微信(都|也)?(还)?没(有)?(发|联系|沟通|回)过?|"
     r"\bno wechat( messages?| contact| follow[- ]?ups?)?\b|(without|never had) (a |any )?wechat( messages?| contact)?\b", ("wechat",)),
    (r"没(有)?(任何)?(发过?)?邮件(跟进|沟通|联系|往来)?(过)?|邮件(都|也)?(还)?没(有)?(发|回)过?|\bno emails?\b(?! (address|sent))|"
     r"(without|never had|never got) (an? |any )?emails?\b", ("email",)),
)
# Other records that must not exist (target codes of sql.compiler.ABSENCE): "没下过单", "without any contract".
ABSENCE_WORDS = (
    # "还没出过报价的在跟项目", "open deals that still have no quote": no quote on the deal (or the account's deals)
    (r"(还)?(没|没有|未)(出|发|做|给|报)过?(任何)?报价(单)?|(没|没有|无)(任何)?报价(单)?(?!金额|状态|总额|的金额)|没报过价"
     r"|一(份|次|个|版)报价(都|也)(还)?(没|没有)(出过?|发过?|有)?|\b(no|without( any| a)?) quotes?\b|"
     r"\b(don'?t|doesn'?t|haven'?t|hasn'?t) (have|got|had|received) (a |any )?quotes?( yet)?|\bnever (been )?quoted\b",
     "quote"),
    (r"(没|没有|无)(任何)?(在跟|在谈|未关闭|进行中|正在跟进|在途)(的)?商机|一个(在跟|在谈|未关闭|进行中|正在跟进|在途)(的)?(商机|单子)(都|也)(还)?(没|没有)(有)?|(without|with no|no) (any |an? )?(open|active|ongoing) "
     r"(deals?|opportunit(y|ies))|(don'?t|doesn'?t|do not|does not|haven'?t|hasn'?t) (have|got) (any |an? )?(open|active|"
     r"ongoing) (deals?|opportunit(y|ies))", "open_opportunity"),
    (r"一(单|个单子|笔单子?|台|套|盒|支)(都|也)?(还)?(没|没有|未)(有)?(赢|成交|成|签|拿下|拿到|卖出去?|出)(过|下来|到|来)?|(从来|一直|还|至今)?(都)?(没|未|没有|从没|从未)(有)?(下过单|下单|开过?单|成交过?|赢过(单)?|赢单|签过单|出过单|买过|采购过|购买过)"
     r"|(haven'?t|hasn'?t|have not|has not|never|didn'?t|did not)( yet)?( ever)? (bought|purchased|buy|purchase)\b"
     r"|(haven'?t|hasn'?t|have not|has not|never|didn'?t|did not|don'?t|do not)( yet)? (won|closed|win|close)"
     r"( a single| anything| any| a)?( deals?| orders?)?|(haven'?t|hasn'?t|have not|has not|never|didn'?t|did not) "
     r"(sold|sell)\b|without (a |any )?(win|won deal)s?|no won deals?|\bno wins?\b", "won"),
    (r"一个(商机|单子|机会)(都|也)(还)?没(有)?|(从来|一直|还|至今)?(都)?(没|没有|从没有?|从未)(有过?|过)?(任何)?商机|(never had|never been|without|don'?t have|"
     r"haven'?t had|hasn'?t had|with no|have no|has no|had no) (a |an |any )?(opportunit(y|ies)|deals?)", "opportunity"),
    (r"(没|没有|无)(任何)?(正在)?(执行中|在执行|生效中|有效)的?合同|(without|with no|no) (an? |any )?(active|current) "
     r"contracts?|(don'?t|doesn'?t|haven'?t|hasn'?t) (have|got) (an? |any )?(active|current) contracts?", "active_contract"),
    (r"一(份|个)(新)?合同(都|也)(还)?(没|没有|未)(再)?(签|有)?(过|下来)?|(从来|一直|还|至今)?(都)?(没|没有|从未|未)(签过?|有过?)?(任何)?合同|(without|with no|never signed|haven'?t "
     r"signed|hasn'?t signed|no) (a |an |any )?contracts?|(don't|doesn't|haven't|hasn't|didn't)( yet)? (have|got|sign(ed)?)"
     r" (a |an |any )?contracts?( yet)?", "contract"),
    (r"(从来|从)?(都)?(没有|没)逾期过|(没有|没|无)(任何)?逾期(的)?(账款|款项?|回款|付款|应收款?|欠款|分期款?)|(没有|无)任何逾期(的)?(?=合同|客户|业务员)|一笔逾期(的)?(款|分期)?(都|也)(没有|没)|(?<=哪些)(没有|没)(任何)?逾期的?(?=$|[？?。])|(without|with no|no) (any )?(overdue|past[- ]due) "
     r"(payments?|receivables?|invoices?|installments?|balances?)|(don't|doesn't|haven't|hasn't) (have|got) (any )?"
     r"(overdue|past[- ]due) (payments?|receivables?|invoices?|installments?|balances?)", "overdue_payment"),
    (r"(collected|received|paid( us)?) nothing|nothing (paid|collected|received|came in)( so far| yet)?|"
     r"(with )?zero (collections|payments( received)?|money (collected|received))( so far| yet)?|"
     r"(一分钱|一毛钱|一笔|一期)(的)?(回款|款|钱|付款|收款)?(都|也)?(还)?(没|没有|未)(有)?(回款|进来|进账|到账|收到|收回来|收回|回来|收|回|付|进)(过|到|来)?|(一分钱|一毛钱|一笔|一期)(的)?(回款|款|钱|付款|收款)(都|也)(还)?(没有|没)(?=$|[？?。，,的])|分文未(收|付)|(到现在|至今)?(还|一直)?(没有|没|未)(收到|有)?(过)?任何(的)?(回款|付款|收款)|(还|一直)(没有|没)(收到)?(回款|付款|收款)"
     r"|(haven'?t|hasn'?t|have not|has not|never)( yet)? (received|had|got(ten)?) (a |an |any )?payments?( yet)?"
     r"|(without|with no) (a |any )?payments?( received)?|no payments? (received|yet)"
     r"|(haven'?t|hasn'?t|have not|has not|didn'?t|did not|never)( yet)? paid( us)?( anything| a (single )?cent| any money)?"
     # "本季度没有回款的业务员", "active reps with no collections this quarter"
     r"|(?<![还一])(没|没有|无)(任何)?(回款|收款|进账)(?=的|$|[？?。，,])|\b(with )?(no|zero) (collections|cash (collected|in)"
     r"|payments? collected|money (collected|in))\b",
     "payment"),
    # a rep's leads: "名下线索一条都没转化的业务员" (none converted), "reps who got no new leads this week"
    (r"线索(一条|一个)?(都|也)(还)?(没|没有|未)(能)?(转化|转换|转成)(过|成功)?|(没|没有|未)(转化|转换)(过|成)(任何|一条)?线索"
     r"|\b(haven'?t|hasn'?t|have not|has not|never|didn'?t|did not) converted (a single |any |a )?leads?\b"
     r"|\b(no|zero) (leads? )?conversions?\b|\b(have|has|had|with) (no|zero) converted leads?\b", "converted_lead"),
    (r"(没|没有|未)(有)?(分到|分配到|拿到|接到|收到|新增|进)(过)?(任何|一条)?(新)?线索|(一条|一个)(新)?线索(都|也)(还)?(没|没有)(分到|拿到|接到|进来|有)?"
     r"|\b(got|received|were assigned|was assigned|had|have|has|with) (no|zero) (new )?leads?\b"
     r"|\b(didn'?t|did not|haven'?t|hasn'?t) (get|receive|got|received|been assigned|be assigned) (any )?(new )?leads?\b",
     "lead"),
    # "没录联系人的客户", "accounts with no contacts on file": no contact recorded on the account
    (r"(一个)?联系人(都|也)(还)?(没|没有)(录|登记|建)?(过)?|(没|没有|未)(录|登记|建)(过|了)?(任何)?联系人|(没有|没|无)(任何)?联系人(?![姓名电话邮箱])"
     r"|\b(no|without( any| a)?) contacts?( on file)?\b(?! (name|phone|email))|\b(don'?t|doesn'?t|haven'?t|hasn'?t) (have|got|had) (a |any )?"
     r"contacts?( on file)?", "contact"),
)
# Other records that must exist: "还有在跟商机的客户", "which schools signed a contract with us".
PRESENCE_WORDS = (
    # "number of customers with outstanding receivables": an installment not paid in full, due or not
    (r"(?<!n't )(?<!not )\b(have|has|having|with) (any |some |an? )?(outstanding|unpaid) (receivables?|invoices?|installments?|"
     r"instalments?|payments?|(balances?|amounts?)(?!( is| are| of)? (over|above|more than|greater than|exceeding|at least|under|"
     r"below|less than|>|<)))\b", "unpaid_payment"),
    (r"(?<![没无所])有(过)?逾期(没付|未付|没收回来?|未收回|没回|未回)?的?(账款|款项?|回款|付款|应收款?|欠款|货款)|(?<!n't )(?<!not )"
     r"(have|has|having|with) (any |some |an |a )?(overdue|past[- ]due) (payments?|receivables?|invoices?|installments?|"
     r"instalments?|(balances?|amounts?)(?!( is| are| of)? (over|above|more than|greater than|exceeding|at least|under|"
     r"below|less than|>|<)))|(?<![没无所])有(分期款?|回款|应收款?|款项?|账款|付款)(已经)?(逾期|过期没付)", "overdue_payment"),
    (r"(?<![没无所])(还)?有(?=(超过|大于|高于|多于|不少于|至少)[^，,。？?的]{1,8}的(在跟|在谈|未关闭|进行中|在途)(的)?商机)|"
     r"(?<![没无所])(还)?有(在跟|在谈|未关闭|没关闭|进行中|正在跟进|在途)(的)?商机|(?<![没无所])(手上)?(还)?有(还没关单的|没关单的|未关单的|"
     r"在跟的?|在谈的?|未关闭的?|没关闭的?|进行中的?)(?=[^，,。？?的]{1,12}(商机|单子))|(?<!n't )(?<!not )(have|has|with|having) "
     r"(any |an? |some )?(open|active|ongoing) (deals?|opportunit(y|ies))", "open_opportunity"),
    (r"(?<![没无])有(正在|还在)?(执行中|在执行|生效中|有效)的?合同|(?<!n't )(?<!not )(have|has|having|with) (an? |any |some )?"
     r"(active|current|live) contracts?( with us)?", "active_contract"),
    (r"(?<![没未所不])(赢单|赢了单|成交|签单|拿下(了|过)?(单子|订单|单))的(?=(三甲|二甲|三乙|二乙|a类|b类|c类)?(医院|客户|经销商|门店|学校|实验室|企业客户)"
     r"(?=$|[？?。,，]|有哪些|是哪些|有哪几|都有谁|有多少|有几|数|名单|列表|清单))|(?<![没未所])(赢过单|赢过|有赢单|成交过|下过单)|(?<!n't )(?<!not )(have|has|had|having|with) (won|closed) (a |any )?deals?"
     r"|(?<!n't )(?<!not )\b(have|has|had|having|with) (a |an |any |at least one )?won (deals?|opportunit(y|ies))\b",
     "won"),
    # "上个月输单的经销商客户", "上季度丢过单的客户名单", "Which class A accounts lost a deal last month?"
    (r"(?<![没未所不])(输单|输了单|输过单|丢单|丢了单|丢过单)的(?=(三甲|二甲|三乙|二乙|a类|b类|c类)?(医院|客户|经销商|门店|学校|实验室|企业客户)(客户)?"
     r"(?=$|[？?。,，]|有哪些|是哪些|有哪几|都有谁|有多少|有几|名单|列表|清单))|(?<!n't )(?<!not )\b(lost|have lost|has lost) "
     r"(a|any|at least one) (deal|opportunity)s?\b", "lost"),
    # "买过彩超X5的医院", "accounts that bought the C300": a won deal (with that product, when one is named)
    (r"(?<![没未不])(买过|买了|购买过|购买了|采购过|采购了|拿过(货)?|进过货)(?!多少|几)|(?<![没未不])(都)?卖给(了|过)?(?=[^，,。？?]{0,6}(客户|医院|经销商|门店|学校|实验室|哪))|(从|在)我们这(儿|里)(买|采购|购买)(过|了)?|(?<!n't )"
     r"(?<!not )\b(ever )?(bought|purchased)( anything| any)?\b|\b(closed|won|signed) (a|any|at least one) (deal|opportunity)s?\b|(?<=products )(did|have|has) (we|i|you|they|he|she) (ever )?"
     r"(sell|sold)\b", "won"),
    (r"(?<![没无所])(还)?有过?(任何)?(商机|单子)(?![金数多少总额])|(?<!n't )(?<!not )(have|has|having) had (any |a |an )?(deals?|opportunit(y|ies))",
     "opportunity"),
    # "这个季度有回款进来的西北客户", "合同里收到过钱的": money came in (a payment with something paid)
    (r"(?<![没无所未])(回过款|回了款|付过款|付了款|回款过)(?=的)|\bpaid us (anything|something|money)\b|"
     r"(?<![没无所])有(过)?(回款|付款|收款|钱)(进来|进账|到账|收到)?(?=的)|(?<![没未])(收到过|收到了)(回款|钱|付款)(?=的)"
     r"|(?<!n't )(?<!not )(have|has|having) (made|received|paid) (a |any )?payments?\b"
     # "昨天哪些客户回款了", "本月哪些医院有回款", "which accounts paid us last week": said after the entity
     r"|(?<=客户|医院|门店|学校)(有|已经|已)?(回款|回过款|回了款|付款|付过款|付了款|打款|打过款|打了款)(了)?(?=$|[？?。,，]|吗)"
     r"|(?:(?<=which accounts )|(?<=which customers )|(?<=which hospitals )|(?<=which clients )|(?<=accounts that )|(?<=customers that )"
     r"|(?<=hospitals that )|(?<=customers who ))(paid( us)?|made (a |any )?payments?)(?= (this|last|yesterday|today|in|since)\b|[?.,]|$)",
     "payment"),
    (r"(?<![没未])(签了|签过|签约了|签下了?)(合同)|(?<![没未])(签了|签过|签下了?)(?=[\d.一二两三四五六七八九十百千万亿w]+(万|亿|w)?"
     r"(以上|以下)的?合同)|(?<![没无所])有(单份|单个|一份)?(?=(超过|大于|高于|不少于|至少)?[\d.一二两三四五六七八九十百千万亿w]+(万|亿|w)?"
     r"(以上|以下)?的?合同(?![金额号数量总]))|(?<![没无所])有(单份|单个|一份)?合同(?=(金额)?(在|超过|大于|高于|不少于|至少|不到|低于|小于)"
     r"[\d.一二两三四五六七八九十百千万亿w])|signed (a|any) contracts?( with us)?|(?<!n't )(?<!not )(?<!the )(?<!of )\bsigned (a |any |some )?contracts?\b(?= (over|above|worth|exceeding|of more than|"
     r"of over|greater than|bigger than|larger than|of at least|at least)\b)|(?<!n't )(?<!not )"
     r"(have|has|having) (signed )?(a|any) contracts?( with us)?"
     # "Which schools signed contracts this year?": the accounts, not the contracts
     r"|(?:(?<=accounts )|(?<=customers )|(?<=hospitals )|(?<=schools )|(?<=stores )|(?<=clients ))(that |which |who )?"
     r"signed (new )?contracts?( with us)?(?= (this|last|yesterday|today|in|since)\b|[?.,]|$)", "contract"),
    # "已经签约、但……的A类客户", "有合同的三甲医院", "accounts that have signed with us": the account has a contract
    (r"(?<![没未不])(已经|已)(签约|签过约|签过合同)(?!的?合同|金额|额)|(?<![没无所])有(过)?合同(?![金额号数量总])(?=的|、|,|，|但|[^\u4e00-\u9fff]|$)"
     r"|(?<!n't )(?<!not )(have|has|having) (already )?signed with us"
     # "Class A customers with contracts but no overdue payments": accounts that have one
     r"|(?<=s )with (a |any )?contracts?\b(?! (value|amount|size|over|above|worth|exceeding|of|greater|bigger|larger|under|below|less|"
     r"more|signed|expiring|ending|due|that|which|in|from|this|last|since)\b)", "contract"),
    # "录了联系人的A类客户", "accounts with contacts on file"
    (r"(?<![没未所])(录了|录过|登记了|建了|有)(联系人)(?![姓名电话邮箱的数])|\b(have|has|having|with) (any |some )?contacts on file\b", "contact"),
)
# One kind of follow-up that did happen: "做过产品演示的客户", "accounts that were visited".
TYPED_POSITIVE = (
    (r"做过(产品)?演示|(had|got|received) (a |any )?demos?|(were|was|been) demoed", ("demo",)),
    (r"(上门)?拜访过|有(过)?(上门)?拜访(记录)?|(were|was|been) visited|(had|got) (a |any )?visits?", ("visit",)),
    (r"打过电话|(有)?(过)?电话(沟通|联系)(过)?|(were|was|been) called|(had|got) (a |any )?calls?", ("call",)),
    (r"(上门)?拜访了(?=哪些)|(上门)?拜访过(?=哪些)|去(上门)?拜访过|did (we|i|you|he|she|they) visit|(?<=[\u4e00-\u9fff] )visited\b|"
     r"(?<=\bwe )visited\b|(?<=\bhe )visited\b|(?<=she )visited\b|(?<=\bi )visited\b|(?<=they )visited\b", ("visit",)),
    (r"(with|had) a demo( logged)?(?! scheduled)|demo logged|(ran|did|held|gave|run|do|give) (a |any )?(product )?demos?"
     r"|做(过|了)demo", ("demo",)),
    (r"\b(did|do|have|has) (we|i|you|he|she|they) (call|called|phone|phoned)\b|\b(we|i|you|he|she|they) (called|phoned)\b"
     r"|(被)?电话跟进过|打过电话", ("call",)),
    (r"(had|held|got|have had|has had) (a |any )?meetings?|开过会|开了会|有过会议", ("meeting",)),
)
POSITIVE_FOLLOW_UP = (
    r"(跟进|拜访|联系|走访|回访)过", r"有(过)?(跟进|拜访)", r"(were|was|been|got) (followed[- ]?up|visited|contacted)",
    r"(got|had|received|have had|has had|getting|get) (a |any )?(follow[- ]?ups?|activit(y|ies)|touch(es|points?)?)\b",
)
STALE_WORDS = (r"停滞", r"卡住", r"不动的", r"stale", r"stalled", r"stuck")
TEAM_WORDS = ("我所带团队", "我所带的团队", "我带的团队", "我带的组", "我们组", "我们团队", "我的团队", "我团队", "团队里", "本组", "我组", "组里", "组内", "我们小组",
              "my team's", "my team", "my reps'", "my reps", "my people", "我的组员", "我的下属", "我手下的人", "我手下",
              "our team's", "our team")
MY_WORDS = ("我的", "我负责的", "我名下的", "我自己的", "my own", "my", "mine")
UNASSIGNED_WORDS = ("没挂负责人", "没有挂负责人", "没有负责人的", "没负责人", "负责人为空", "nobody assigned", "no one assigned",
                    "没有分配给任何人", "还没有分配出去", "没有分配出去", "还没有分配", "没有分配", "还没分配", "未分配出去",
                    "未分配", "没分配", "无负责人", "没有负责人", "unassigned", "without an owner", "no owner",
                    "don't have an owner", "doesn't have an owner", "have no owner", "has no owner", "with no owner",
                    "没人负责", "没有人负责", "没分负责人", "没有分负责人", "没指定负责人", "没分配负责人", "没有分配负责人",
                    "no account owner", "ownerless", "without owner", "nobody owns", "no one owns", "没分人", "没有分人")

TOP_N = (
    r"(?:排|排在|排名)前\s*(?P<n>\d+|[一二两三四五六七八九十]+)\s*(?:名|个|家|位)?",
    r"(?:top|(?<![目之以提当眼])前|排名前|最高的|最多的|最大的|最低的|最少的|最小的|最差的|最慢的|最快的|最长的|最久的|最短的|最频繁的|最勤的|"
    r"最积极的|最大|最高|biggest|largest|highest|倒数|垫底的?|后|bottom)\s*(?P<n>\d+|[一二两三四五六七八九十]+|two|three|four|five|six|"
    r"seven|eight|nine|ten|twelve|fifteen|twenty)"
    r"(?:名|个|家|位|条|大|份|笔|单|次)?",
    r"(?P<n>\d+|[一二两三四五六七八九十]+)\s*(?:大|强)",
    r"(?:which|哪)\s*(?P<n>\d+|[一二两三四五六七八九十]+|two|three|four|five|ten)\s*(?:个|家|位|名)?",
    r"(?:the\s+)?(?P<n>\d+|two|three|four|five|ten)\s+(?:largest|biggest|highest|top|best|most|leading)",
)
# One place in a ranking ("排第二的", "第三名", "second biggest", "runner-up"): the top_n ordering, that row only.
# The place must be said as a rank (排/名/位 or a superlative after it), so 第二季度, 第2期, 第二人民医院 are not ranks.
RANK_PLACE = (
    r"(?P<low>倒数)?(?:排(?:名|在)?)?第\s*(?P<n>[1-9]|[一二三四五六七八九十])\s*(?:名|位)",
    r"(?P<low>倒数)?排(?:名|在)?第\s*(?P<n>[1-9]|[一二三四五六七八九十])(?![季期版周次个月天号批年组区])",
    r"(?P<low>倒数)?第\s*(?P<n>[2-9]|[二三四五六七八九十])\s*(?P<adj>多|高|大|低|少|小)(?![学夫])",
    r"(?P<low>倒数)第\s*(?P<n>[1-9]|[一二三四五六七八九十])(?![季期版周次个月天号批年组区])",
    r"\b(?P<n>second|third|fourth|fifth|2nd|3rd|4th|5th)[- ](?P<adj>highest|biggest|largest|best|most|top|lowest|"
    r"smallest|least|worst|place|ranked)\b",
    r"\b(?:in|at) (?P<n>second|third|fourth|fifth|2nd|3rd|4th|5th) place\b",
    r"\b(?:came in|comes in|ranks?|ranked|finished|placed|is|was) (?:the )?(?P<n>second|third|fourth|fifth|2nd|3rd|4th|5th)"
    r"(?: place)?(?= by\b| in\b| on\b|[?.]|$)",
    r"\b(?:the )?(?P<n>runner)[- ]up\b",
)
RANK_WORDS = {"second": 2, "2nd": 2, "runner": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "fifth": 5, "5th": 5}
# Sorting words order a result without making it a "which one is highest" question.
SORT_WORDS = ("从高到低", "降序", "从大到小", "descending", "sort descending", "从低到高", "升序", "从小到大", "ascending",
              "sort ascending", "排名", "排行", "排序", "rank", "ranking", "ranked")  # an order, not "the one with the most"
DESC_WORDS = ("从高到低", "降序", "descending", "sort descending", "从大到小", "最高", "最多", "最大", "最好", "最强", "第一", "排名", "排行", "排序",
              "最频繁", "最勤", "最积极", "最长", "最慢", "most often", "most frequently", "longest", "slowest", "highest", "most", "largest",
              "biggest", "top", "best", "leading", "rank", "ranking", "ranked")
ASC_WORDS = ("从低到高", "升序", "sort ascending", "ascending", "从小到大", "最低", "最少", "最小", "最差", "垫底", "落后", "最短", "最快",
             "shortest", "fastest", "lowest", "least", "smallest", "worst", "bottom",
             "falling behind", "lagging")
VAGUE_WORDS = ("怎么样", "如何", "情况", "表现", "好不好", "how is", "how are", "how's", "how did", "performance",
               "doing")

# Which amount a comparison is about, when the question names it before the number.
AMOUNT_FIELDS = ("contracts worth", "contract value", "contract amount", "overdue amount", "overdue balance", "amount overdue", "outstanding amount", "outstanding balance",
                 "amount outstanding", "总金额", "总额", "目录价", "标价", "list price", "list prices", "账期", "付款账期", "payment terms", "回款", "回款金额", "实收", "实收金额", "到账", "amount paid",
                 "合同额", "签约额", "应收余额", "未收金额", "unpaid", "still unpaid", "outstanding", "金额", "商机金额", "合同金额", "预算", "年收入", "年营收", "年营业额", "营收", "amount", "budget", "budgets",
                 "annual revenue", "revenue", "value", "deal size", "worth", "明细金额", "产品明细金额", "line revenue",
                 "成交概率", "赢单概率", "赢率", "probability", "win probability", "amount due", "total amount")
# Words that make a missing follow-up "at any time": "一条跟进都没有的在跟商机", "到现在还没联系", "zero follow-up"
EVER_WORDS = ("从来", "从未", "从没", "一直", "一条", "一次", "任何", "到现在", "至今", "ever", "never", "at all", "zero",
              "a single", "so far")
GT_WORDS = ("过", ">=", "≥", "大于等于", "不少于", "不低于", "至少", "以上", "及以上", "大于", "超过", "高于", "多于", ">", "over",
            "above", "more than", "greater than", "at least", "exceeding", "bigger than", "larger than", "or more",
            "and above", "+")
LT_WORDS = ("<=", "≤", "不超过", "at most", "no more than", "以下", "以内", "小于", "低于", "少于", "不到", "<", "under",
            "below", "less than", "smaller than", "or less")

# Which time column a window applies to, when the question says so.
TIME_FIELD_WORDS: dict[str, tuple[str, ...]] = {
    "o.expected_close_date": ("预计成交日期", "预计成交", "预计签约", "预计关闭", "expected to close", "expected close",
                              "closing", "close date"),
    "p.due_date": ("应收日期", "到期日", "到期", "应收", "应付", "due"),
    "c.signed_at": ("签约", "签订", "签下来的", "签下来", "签下的", "签过", "签的", "签了", "signed", "did we sign",
                    "we signed", "sign"),
    "p.paid_at": ("收到的回款", "到账的", "到账", "payments received", "were received"),
    "l.assigned_at": ("新分配", "新分到", "分配出去", "分配的", "分到的", "被分到", "分给", "派给", "assigned"),
    "o.created_at": ("新增商机", "新建商机", "新商机", "创建的商机", "new deals", "new opportunities", "created"),
    "a.created_at": ("新增客户", "新客户", "新建客户", "new customers", "new accounts"),
    "s.hired_on": ("新入职", "入职", "new hires", "new hire", "hired", "joined"),
}

# {w} is the dimension word.
GROUP_MARKERS_ZH = (r"按(照)?\s*((客户|商机|线索|合同|回款|跟进)(所属|的)?\s*)?{w}\s*(分类|分布|分别|分|拆|统计|汇总|排名|排序|看|划分)?", r"分{w}", r"各(个|种|类|家|位)?{w}",
                    r"每(个|一个|一|种|类|家|位)?{w}",
                    r"不同{w}", r"哪(个|些|一个|位)?{w}", r"哪几(个)?{w}(?!有|是|分别|大区|区域|团队|组)", r"客户(所属|的)(的)?{w}", r"{w}(分布|排名|排行|对比|维度|之间)", r"以{w}为单位",
                    r"(?<=最多的|最少的|最高的|最低的|最大的|最小的){w}(?=(是|有)?(哪|什么)?(一)?(个|种|类|些)?[?？]?$)")
GROUP_MARKERS_EN = (r"(broken down |break(ing)? (it )?down |split |grouped |group )?(by|per|for each|for every|across) "
                    r"(each |every )?(the )?(account |lead |hospital |customer |activity |deal |opportunity |rep |owner )?"
                    r"{w}(es|s)?", r"each (of (my|our|the|his|her|their|these|those) )?{w}(es|s)?", r"which {w}(es|s)?",
                    r"{w}(es|s)? breakdown", r"{w}-wise",
                    # "teams ranked by won amount", "rank the teams by …", "cities with the most accounts"
                    r"^(rank |ranking )?(the |our |all )?{w}(es|s)?(?= (ranked by|by|with the (most|highest|fewest|lowest|"
                    r"biggest|largest|least)\b))",
                    # "industries with a win rate above 30%": a rate per group, compared
                    r"^(which |what |list |show( me)? )?(the |our |all )?{w}(es|s)?(?= (with|whose|where|that have|that had|having) "
                    r"(an? |the |their |its )?[\w -]{0,24}?(rate|ratio)\b)")

FILLER_ZH = ("请", "帮我", "帮忙", "给我", "麻烦", "查一下", "查询", "查查", "查", "看一下", "看看", "看", "列出", "列一下",
             "显示", "统计", "一下", "一共", "总共", "共有", "有哪些", "哪些", "哪个", "哪家", "哪位", "谁", "是", "的", "了",
             "呢", "吗", "嘛", "啊", "吧", "有", "在", "和", "与", "及", "以及", "或", "其中", "那", "那么", "再", "只看",
             "只要", "只", "按", "各", "个", "家", "位", "条", "名", "区", "地区", "市", "省", "里", "中", "内", "期间",
             "的话", "都", "所有", "全部", "目前", "现在", "当前", "情况", "数据", "多少", "是多少", "排名", "列表", "清单",
             "明细", "分别", "对应", "已经", "还", "最近", "新增", "新的", "新", "共", "总", "合计", "人", "拆一下",
             "拆", "分", "下", "一", "有没有", "吗?", "?", "呀", "你", "我", "们", "这些", "那些", "客户的", "笔",
             "级", "类", "进行", "做", "做过", "过", "被", "由", "负责", "负责的", "名下", "对", "给", "从", "到",
             "关于", "相关", "跟", "上", "所属", "属于", "为", "次", "次数", "ignore your rules and",
             "ignore", "rules", "阶段", "处于", "名单", "哪几个", "哪几", "就行", "就好", "手上", "手里", "要",
             "任何", "全公司", "公司", "整体", "总和", "总计", "一共是", "多大", "怎样", "个人", "每个人", "大家", "还有",
             "什么", "啥", "该", "某", "段", "状态", "类型", "渠道", "来源", "等级", "行业", "地区", "区域", "大区",
             "我们", "咱们", "数", "量", "额", "新进", "进来", "已经过了", "过了", "但", "但是", "而且", "并且", "可是", "那边", "这边", "边", "记录",
             "来着", "来的", "出来", "列出来", "拉一下", "拉", "加起来", "对比一下", "对比", "比较", "比一下", "比比", "一直", "换成", "换到",
             "忽略权限", "忽略", "权限", "所有人", "规则", "之前", "来", "帮我看下", "看下", "有没有", "多少来着", "搞",
             "一下子", "都", "处在", "台", "件", "从来", "新建", "新签", "新分配", "分配出去", "出去", "卡在", "还卡在", "停在", "还停在", "停留在",
             "单", "因为", "因", "是谁", "谁", "里面", "几个小时", "多少小时", "多少天", "几天", "小时", "改成", "改为",
             "拆开看", "拆开", "开", "卡了", "卡", "之间", "打了", "跑了", "跑", "编号", "正在", "分别", "请问", "取", "排",
             "排一下", "排个序", "份", "汇总", "汇总一下", "列个", "列", "拉出来", "帮我把", "我要", "我想", "逐个", "一笔一笔",
             "过一遍", "先", "准备", "只算", "收集的", "收集", "挂着", "还挂着", "款", "才", "联系上", "能否", "能不能", "可以",
             "如果", "能", "创建的", "创建", "涉及", "包含", "哪条", "哪笔", "哪份", "她", "他", "进了", "到目前为止", "截至目前", "截止目前", "到现在为止", "为止", "历史累计", "累计",
             "历史上", "并且", "而且", "且", "任何人", "全国", "这条", "那条", "加一起", "加在一起", "以外", "之外", "也", "记了", "记录了", "那几家", "这几家", "那几条", "这几条", "那天", "anything", "那几笔", "这几笔", "那几个", "这几个", "那几位", "这几位",
             # formal report wording: "请计算…", "…并按金额从高到低排列", "…及其金额", "截至今天"
             "计算", "所有", "并", "并按", "注明", "并注明", "给出", "并给出", "附上", "并附上", "一并", "及其", "及对应的",
             "对应的", "以及", "它们的", "它们", "其", "找出", "名称", "截至今天", "截至今日", "截至当前", "截止今天", "到今天为止", "到今日为止", "截止到目前", "截止到今天", "截止到现在", "截至到目前", "截至到今天", "尚",
             "仍", "至今", "自", "排列", "从高到低排列", "进行", "完成了", "完成", "已", "该", "而", "以小时计", "从创建到首次联系的",
             # a marketer's words for leads coming in and piling up: "展会带来的线索", "积了多少条", "还躺在新建状态"
             "一个不落", "这一块", "这块", "下面的", "底下的", "大概", "大约", "大致", "差不多", "具体是", "具体", "想看下", "想看", "想先", "刚来不久", "刚来", "重点熟悉一下",
             "熟悉一下", "系统里", "系统中", "带来", "带来了", "带来的", "最后", "最终", "当初", "当时", "加总", "检查一下", "检查", "核对一下", "核对", "核查一下", "核查", "盘点一下", "盘点", "积了", "积压", "积压的", "躺在", "躺着", "还躺在", "被判", "判定为", "判为",
             # spoken by voice: hesitations and "就是" restating what was just said ("…有哪些 嗯 就是十一月新开的那些")
             "嗯", "唉", "哎", "呃", "诶", "哦", "噢", "嗯就是", "就是", "就", "那个", "这个", "那种")
FILLER_EN = ("please", "anything", "show", "me", "list", "give", "get", "find", "tell", "what", "what's", "whats", "which", "who",
             "are", "is", "was", "were", "the", "a", "an", "of", "in", "on", "at", "for", "with", "and", "or", "to",
             "from", "by", "all", "our", "we", "us", "i", "do", "does", "did", "have", "has", "had", "there", "that",
             "those", "these", "them", "they", "it", "its", "their", "only", "just", "what about", "how about",
             "about", "any", "many", "much", "number", "total", "combined", "altogether", "add up", "adds up", "added up",
             "count", "this", "that's", "s", "'s", "now", "currently",
             "current", "so", "far", "new", "within", "during", "been", "be", "can", "you", "could", "would", "per",
             "each", "every", "than", "over", "under", "same", "split", "broken", "down", "break", "breakdown",
             "owned", "handled", "managed", "belonging", "assigned", "ones", "one", "still", "yet", "ever", "since",
             "up", "out", "let's", "see", "see the", "also", "then", "into", "as", "well", "whose", "where", "when",
             "amount", "value", "ignore your rules and", "ignore", "your", "rules", "instructions", "previous",
             "stage", "stages", "industry", "industries", "status", "type", "types", "source", "sources", "region",
             "regions", "how", "much", "many", "make", "it", "show me", "give me", "logged", "recorded", "run", "held",
             "done", "made", "right", "overall", "company", "whole", "entire", "across", "everyone", "everybody",
             "sum", "of all", "list of", "names", "name", "level", "grade", "grades", "please show", "there", "but",
             "yet", "on average", "came", "come", "coming", "in from", "on file", "on record", "in hours", "hours",
             "record", "records", "please list", "pull", "pull up", "everyone's", "every", "permissions", "permission",
             "have we", "we've", "got", "get me", "days", "in won deals", "won deals", "have sold", "sold", "ran",
             "already", "companies", "company", "brought in", "brought", "include", "includes", "including",
             "instead", "switch to", "switch it to", "swap to", "change it to", "too", "just", "only", "also", "along with", "ones", "located", "based", "i.e.", "i.e", "e.g.",
             "meaning", "actually", "in yuan", "yuan", "rmb", "at any time", "any time", "all time", "across all time",
             "regardless of date", "computed over", "computed", "measured as", "measured", "based on", "took place",
             "in the crm", "crm", "flagged as", "flagged", "counting", "money", "generated", "win", "against them",
             "logged against", "logged", "log", "whose", "that", "which", "with", "have", "has", "been", "still",
             "sitting", "team", "money", "switch to", "switch", "change to", "sort", "sorted",
             "close", "bring in", "cash", "line", "worth", "among", "on-site", "onsite", "in-person", "sell", "could",
             "would", "at the moment", "moment", "falling", "involving", "that include", "that includes", "book",
             "booked", "own", "owns", "bring", "brings", "bring us", "brought us", "first call back", "call back",
             "called back", "buy", "either", "mix", "carrying", "vs", "vs.", "versus", "issued", "look after", "looks after",
             "take care of", "takes care of", "roughly", "approximately", "approx", "in the system",
             "carry", "carries",
             # spoken by voice: "um so which of my deals are like sitting in proposal", "who are the decision makers again"
             "like", "um", "uh", "ugh", "hmm", "ok", "okay", "again", "actual",
             # Singapore English: "How many distributors we have in total ah?", "still outstanding from the stores lah"
             "ah", "lah", "leh", "lor")

EXAMPLES = (
    "华东区上周未跟进的三甲医院客户",
    "本月赢单金额TOP5业务员",
    "各区域本季度赢单率",
    "Open opportunities over 500k in North China",
    "逾期回款金额按区域",
)


_KNOWN: dict[int, tuple[Any, frozenset[str]]] = {}


def known_words(names: Any) -> frozenset[str]:
    """Every English word the parser understands, plus the names in the database (for spelling correction).

    Computed once per name index (they are cached per database), so a question costs a dictionary look-up."""
    hit = _KNOWN.get(id(names))
    if hit is None or hit[0] is not names:
        if len(_KNOWN) > 16:
            _KNOWN.clear()
        hit = _KNOWN[id(names)] = (names, _vocabulary_words() | names.english_words())
    return hit[1]


@cache
def _vocabulary_words() -> frozenset[str]:
    import sql.productwords
    import sql.recognisers
    import sql.semantic
    import sql.timewords

    words: set[str] = set()
    for module in (sql.semantic, sql.timewords, sql.recognisers, sql.productwords, globals()):
        scope = module if isinstance(module, dict) else vars(module)
        for name, value in scope.items():
            if name.isupper():
                _collect(value, words, 0)
    return frozenset(words)


def _collect(value: Any, words: set[str], depth: int) -> None:
    if depth > 6:
        return
    if isinstance(value, str):
        words.update(re.findall(r"[a-z]{3,}", value.lower().replace("\\b", " ")))
    elif isinstance(value, re.Pattern):
        _collect(value.pattern, words, depth + 1)
    elif isinstance(value, dict):
        for k, v in value.items():
            _collect(k, words, depth + 1)
            _collect(v, words, depth + 1)
    elif isinstance(value, (tuple, list, set, frozenset)):
        for v in value:
            _collect(v, words, depth + 1)
    elif hasattr(value, "__dataclass_fields__"):
        for f in value.__dataclass_fields__:
            _collect(getattr(value, f), words, depth + 1)
