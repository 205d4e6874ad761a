// The synthetic data generator (docs/generator.md). A program is drawn in three steps: its
// profile (sizes, archetype, the defects or gaps built in) from (seed, index) alone, then its
// dossier as plain structs (the compliant shape first, then the profile's defects applied as
// edits, as examples/failing.json is an edit of compliant.json), then one JSON value that
// every writer serialises — so the JSON file, the CSV bundle and the SQLite rows of a program
// hold the same data by construction.
#include "benchmarks/gen/generator.h"

#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <bitset>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <future>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"

namespace zhuoyue::gen {
namespace {

namespace fs = std::filesystem;

// ---- Randomness: fixed algorithms only, so that a seed means the same data everywhere ----

uint64_t SplitMix(uint64_t& state) {
  uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

uint64_t Mix(uint64_t x) { return SplitMix(x); }

// xoshiro256** seeded through splitmix64. Ranges are mapped by Lemire's multiply-and-reject
// and reals by plain arithmetic (no <random> distributions, which differ between libraries).
class Rng {
 public:
  explicit Rng(uint64_t seed) {
    for (uint64_t& word : state_) word = SplitMix(seed);
  }

  uint64_t Next() {
    uint64_t result = Rotl(state_[1] * 5, 7) * 9;
    uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = Rotl(state_[3], 45);
    return result;
  }

  // Uniform in [0, n), n >= 1, unbiased.
  uint64_t Below(uint64_t n) {
    unsigned __int128 m = static_cast<unsigned __int128>(Next()) * n;
    uint64_t low = static_cast<uint64_t>(m);
    if (low < n) {
      uint64_t threshold = -n % n;
      while (low < threshold) {
        m = static_cast<unsigned __int128>(Next()) * n;
        low = static_cast<uint64_t>(m);
      }
    }
    return static_cast<uint64_t>(m >> 64);
  }
  // Uniform in [lo, hi].
  int Range(int lo, int hi) { return lo + static_cast<int>(Below(hi - lo + 1)); }
  bool Chance(int per_mille) { return Below(1000) < static_cast<uint64_t>(per_mille); }
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  // A bell on [0, 1] with mean 1/2: the mean of four uniforms (Irwin–Hall).
  double Bell() { return (Unit() + Unit() + Unit() + Unit()) / 4; }

  template <class T, size_t N>
  const T& Pick(const T (&items)[N]) {
    return items[Below(N)];
  }
  template <class T>
  const T& Pick(const std::vector<T>& items) {
    return items[Below(items.size())];
  }
  template <class T>
  void Shuffle(std::vector<T>& items) {
    for (size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[Below(i)]);
  }
  // An index drawn with the given weights.
  template <size_t N>
  int Weighted(const int (&weights)[N]) {
    int total = 0;
    for (int w : weights) total += w;
    int draw = static_cast<int>(Below(total));
    for (size_t i = 0; i < N; ++i) {
      if (draw < weights[i]) return static_cast<int>(i);
      draw -= weights[i];
    }
    return N - 1;
  }

 private:
  static uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t state_[4];
};

// Independent streams per program and step: a step draws the same numbers whatever the
// others draw (ComputeSizes leaves out names and scores), and none reuses another's.
enum Stream : uint64_t {
  kUniversityStream = 1,
  kProfileStream,
  kProgramStream,
  kStandardStream,
  kStaffStream,
  kCourseStream,
  kCourseDefectStream,
  kCentreStream,
  kSupportStream,
  kSupportDefectStream,
  kTeacherDefectStream,
  kWorkloadStream,
  kStudentStream,
  kStudentTextStream,
  kStudentDefectStream,
  kScoreStream,
  kGapStream,
};

uint64_t StreamKey(uint64_t seed, int64_t index, Stream stream) {
  return Mix(Mix(seed) ^ Mix(static_cast<uint64_t>(index) * 0x100000001b3ULL + stream));
}

Rng MakeRng(uint64_t seed, int64_t index, Stream stream) {
  return Rng(StreamKey(seed, index, stream));
}

// ---- Catalogues ---------------------------------------------------------------------------

enum Group { kMech, kElec, kInfo, kCivil, kChem, kAero, kGroups };

struct Major {
  const char* code;
  const char* name;
  const char* field;  // a key field of 中国制造2025, or nullptr
  Group group;
};

constexpr Major kMajors[] = {
    {"080202", "机械设计制造及其自动化", "高档数控机床和机器人", kMech},
    {"080204", "机械电子工程", "高档数控机床和机器人", kMech},
    {"080203", "材料成型及控制工程", "新材料", kMech},
    {"080207", "车辆工程", "节能与新能源汽车", kMech},
    {"082302", "农业机械化及其自动化", "农机装备", kMech},
    {"080206", "过程装备与控制工程", nullptr, kMech},
    {"081901", "船舶与海洋工程", "海洋工程装备及高技术船舶", kMech},
    {"080601", "电气工程及其自动化", "电力装备", kElec},
    {"080801", "自动化", "高档数控机床和机器人", kElec},
    {"080301", "测控技术与仪器", "新一代信息技术产业", kElec},
    {"080501", "能源与动力工程", "电力装备", kElec},
    {"081801", "交通运输", "先进轨道交通装备", kElec},
    {"080701", "电子信息工程", "新一代信息技术产业", kInfo},
    {"080703", "通信工程", "新一代信息技术产业", kInfo},
    {"080901", "计算机科学与技术", "新一代信息技术产业", kInfo},
    {"080902", "软件工程", "新一代信息技术产业", kInfo},
    {"080905", "物联网工程", "新一代信息技术产业", kInfo},
    {"080702", "电子科学与技术", "新一代信息技术产业", kInfo},
    {"081001", "土木工程", nullptr, kCivil},
    {"081101", "水利水电工程", nullptr, kCivil},
    {"081201", "测绘工程", nullptr, kCivil},
    {"081002", "建筑环境与能源应用工程", nullptr, kCivil},
    {"082502", "环境工程", nullptr, kCivil},
    {"081301", "化学工程与工艺", "新材料", kChem},
    {"080401", "材料科学与工程", "新材料", kChem},
    {"081502", "石油工程", nullptr, kChem},
    {"081501", "采矿工程", nullptr, kChem},
    {"082601", "生物医学工程", "生物医药及高性能医疗器械", kChem},
    {"082001", "航空航天工程", "航空航天装备", kAero},
    {"082002", "飞行器设计与工程", "航空航天装备", kAero},
};
constexpr int kMajorCount = sizeof(kMajors) / sizeof(kMajors[0]);
// Programs per university: a university's programs have distinct majors.
constexpr int kProgramsPerUniversity = 20;

constexpr const char* kDiscipline[kGroups] = {"机械工程", "电气工程", "电子信息",
                                              "土木工程", "化学工程", "航空航天工程"};
constexpr const char* kSchool[kGroups] = {"机械工程学院", "电气工程学院", "信息与通信工程学院",
                                          "土木工程学院", "化学工程学院", "航空航天学院"};

constexpr const char* kCities[] = {
    "北京",   "上海",     "天津",     "重庆",   "西安", "南京", "武汉", "成都", "哈尔滨", "大连",
    "沈阳",   "长春",     "济南",     "青岛",   "杭州", "宁波", "合肥", "福州", "厦门",   "南昌",
    "长沙",   "郑州",     "太原",     "石家庄", "兰州", "昆明", "贵阳", "南宁", "广州",   "深圳",
    "海口",   "呼和浩特", "乌鲁木齐", "银川",   "西宁", "苏州", "无锡", "常州", "徐州",   "洛阳",
    "桂林",   "湘潭",     "株洲",     "绵阳",   "宜昌", "襄阳", "大庆", "鞍山", "包头",   "唐山",
    "秦皇岛", "镇江",     "扬州",     "温州",   "烟台", "淄博", "柳州", "赣州", "景德镇", "江门"};
constexpr const char* kUniversityKinds[] = {
    "理工大学", "工业大学", "科技大学", "工程学院",     "交通大学", "大学",     "石油大学",
    "电力大学", "建筑大学", "化工大学", "航空航天大学", "工程大学", "机电学院", "电子科技大学"};

constexpr const char* kSurnames[] = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",   "马",
    "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐",   "许",
    "韩", "冯", "邓", "曹", "彭", "曾", "萧", "田", "董", "袁", "潘", "于",   "蒋",
    "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "欧阳", "司马"};
constexpr const char* kGivenNames[] = {
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛",
    "明", "超", "秀", "霞", "平", "刚", "英", "华", "玉", "萍", "红", "鹏", "飞", "建", "国",
    "海", "峰", "斌", "波", "宇", "浩", "凯", "俊", "帆", "子", "涵", "欣", "怡", "博", "文",
    "思", "雨", "晨", "轩", "宁", "一", "嘉", "佳", "琪", "瑞", "泽", "昊", "睿", "晓", "志"};
constexpr const char* kForeignStudents[] = {
    "Nguyen Van An", "Aliya Serikova",  "Daniel Mensah", "Ahmed Hassan",   "Maria Ivanova",
    "Kofi Boateng",  "Somchai Prasert", "Fatima Zahra",  "Tran Thi Mai",   "Omar Khalid",
    "Ana Souza",     "Pavel Smirnov",   "Amina Bello",   "Lucas Martin",   "Yuki Tanaka",
    "Kim Min-jun",   "Arjun Sharma",    "Sofia Rossi",   "Ibrahim Diallo", "Elena Petrova"};
constexpr const char* kForeignTeachers[] = {"汉斯·穆勒",   "约翰·史密斯",  "皮埃尔·杜邦",
                                            "田中健一",    "金成浩",       "安娜·施密特",
                                            "迈克尔·布朗", "卡洛斯·加西亚"};

constexpr const char* kCompanies[kGroups][7] = {
    {"西安陕鼓动力股份有限公司", "陕西法士特齿轮有限责任公司", "沈阳机床股份有限公司",
     "徐工集团工程机械股份有限公司", "三一重工股份有限公司", "中国一拖集团有限公司",
     "上海电气集团股份有限公司"},
    {"国家电网有限公司", "中国南方电网有限责任公司", "许继集团有限公司", "特变电工股份有限公司",
     "南瑞集团有限公司", "东方电气集团有限公司", "中国中车股份有限公司"},
    {"华为技术有限公司", "中兴通讯股份有限公司", "腾讯科技（深圳）有限公司",
     "中国电子科技集团公司第十四研究所", "浪潮电子信息产业股份有限公司",
     "杭州海康威视数字技术股份有限公司", "中国移动通信集团有限公司"},
    {"中国建筑第八工程局有限公司", "中国中铁股份有限公司", "中国交通建设股份有限公司",
     "中国电建集团华东勘测设计研究院有限公司", "上海建工集团股份有限公司", "中国铁建股份有限公司",
     "北京城建集团有限责任公司"},
    {"中国石油化工股份有限公司", "中国石油天然气股份有限公司", "万华化学集团股份有限公司",
     "中国中化控股有限责任公司", "宝山钢铁股份有限公司", "中国建材集团有限公司",
     "国药集团化学试剂有限公司"},
    {"中国商用飞机有限责任公司", "航空工业西安飞机工业（集团）有限责任公司", "中国空间技术研究院",
     "中国航发商用航空发动机有限责任公司", "成都飞机工业（集团）有限责任公司",
     "中国船舶集团有限公司第七〇二研究所", "航天科工集团第三研究院"}};

// The general points (G1–G11 as bits 0–10) a course most likely serves: standard points of
// items covering them are preferred when supports are drawn.
constexpr uint16_t G(int number) { return static_cast<uint16_t>(1u << (number - 1)); }

// Courses every engineering program teaches: name, credits (halves), semester, kind, goals.
struct BaseCourse {
  const char* name;
  int half_credits;
  int semester;
  const char* kind;
  uint16_t goals;
};
constexpr BaseCourse kBaseCourses[] = {
    {"高等数学", 22, 1, "course", G(2)},
    {"线性代数", 5, 1, "course", G(2)},
    {"大学物理", 12, 2, "course", G(2)},
    {"工程制图", 6, 1, "course", G(4) | G(6)},
    {"概率论与数理统计", 6, 3, "course", G(2)},
    {"程序设计基础", 6, 2, "course", G(4) | G(7)},
    {"大学物理实验", 4, 2, "lab", G(2) | G(5)},
    {"电工电子技术", 7, 3, "course", G(4)},
    {"工程伦理", 2, 5, "course", G(1) | G(3) | G(8)},
    {"大学英语", 16, 1, "course", G(11) | G(9)},
    {"工程经济与项目管理", 4, 6, "course", G(2) | G(3) | G(9)},
    {"金工实习", 4, 3, "practice", G(5) | G(3)},
    {"文献检索与科技写作", 2, 6, "course", G(7) | G(9)},
    {"创新创业基础", 2, 4, "course", G(6)},
};
constexpr uint16_t kSpecialGoals = G(4) | G(5) | G(6) | G(8);
constexpr uint16_t kLabGoals = G(4) | G(5);
constexpr uint16_t kDesignGoals = G(5) | G(6) | G(9);
constexpr uint16_t kPlanGoals = G(3) | G(5) | G(8) | G(9) | G(10);
constexpr uint16_t kThesisGoals = G(5) | G(6) | G(7) | G(9) | G(11);

constexpr const char* kSpecialCourses[kGroups][16] = {
    {"工程力学", "机械原理", "机械设计", "机械制造技术基础", "数控技术", "机电传动控制",
     "液压与气压传动", "机械制造装备设计", "测试技术", "控制工程基础", "材料成型技术基础",
     "互换性与技术测量", "机器人技术", "智能制造系统", "CAD/CAM技术", "机械振动"},
    {"电路原理", "模拟电子技术", "数字电子技术", "电机学", "电力电子技术", "自动控制原理",
     "电力系统分析", "高电压技术", "电力系统继电保护", "微机原理与接口技术", "电气控制与PLC",
     "供配电技术", "新能源发电技术", "电力拖动自动控制系统", "单片机原理及应用", "现代控制理论"},
    {"电路分析", "信号与系统", "数字信号处理", "数据结构", "计算机组成原理", "操作系统",
     "计算机网络", "数据库系统", "软件工程", "通信原理", "嵌入式系统设计", "编译原理",
     "人工智能导论", "移动通信", "物联网技术", "算法设计与分析"},
    {"理论力学", "材料力学", "结构力学", "土力学", "混凝土结构设计原理", "钢结构设计", "基础工程",
     "工程测量", "建筑材料", "土木工程施工", "工程项目管理", "桥梁工程", "道路勘测设计",
     "工程结构抗震", "房屋建筑学", "工程地质"},
    {"物理化学", "有机化学", "分析化学", "化工原理", "化工热力学", "化学反应工程",
     "化工设备机械基础", "化工过程分析与合成", "材料科学基础", "材料分析测试技术", "高分子材料",
     "化工安全工程", "过程控制", "分离工程", "传递过程原理", "化工设计"},
    {"理论力学", "空气动力学", "飞行力学", "结构力学", "航空发动机原理", "飞行器结构设计",
     "飞行器制造工艺", "自动控制原理", "复合材料结构", "飞行器总体设计", "有限元分析",
     "飞行控制系统", "振动理论", "航空材料", "飞行器系统工程", "航天器动力学"}};

// The segments of the enterprise plan other than the thesis: name, kind.
constexpr std::pair<const char*, const char*> kPlanSegments[] = {{"企业认识实习", "internship"},
                                                                 {"企业生产实习", "internship"},
                                                                 {"企业工程实践", "practice"},
                                                                 {"企业综合实训", "practice"}};

constexpr const char* kThesisObjects[kGroups][8] = {
    {"离心压缩机叶轮", "数控机床主轴系统", "工业机器人关节减速器", "齿轮传动系统",
     "液压挖掘机工作装置", "自动化装配生产线", "五轴加工中心", "新能源汽车电驱动桥"},
    {"智能变电站保护装置", "光伏并网逆变器", "永磁同步电机驱动系统", "配电网自动化终端",
     "储能变流器", "风电机组变桨系统", "高速列车牵引变流器", "工业过程控制系统"},
    {"5G基站资源调度算法", "嵌入式视觉检测系统", "分布式数据库中间件", "工业物联网网关",
     "智能问答系统", "边缘计算任务卸载策略", "毫米波雷达信号处理模块", "企业级微服务平台"},
    {"大跨度连续梁桥", "高层框架—核心筒结构", "深基坑支护结构", "装配式混凝土建筑",
     "城市轨道交通车站", "高速公路路基", "水电站引水隧洞", "城市污水处理厂"},
    {"乙烯裂解装置", "甲醇合成工艺", "锂离子电池正极材料", "炼油废水处理工艺", "聚丙烯生产装置",
     "催化裂化反应器", "页岩气压裂液体系", "医用可降解支架材料"},
    {"民机机翼盒段", "航空发动机涡轮叶片", "无人机飞控系统", "复合材料加筋壁板", "运载火箭贮箱",
     "直升机旋翼系统", "卫星姿态控制系统", "飞机起落架"}};
constexpr const char* kThesisActions[] = {
    "的设计与优化", "的有限元分析与试验验证", "的工艺改进",   "的故障诊断方法研究",
    "的建模与仿真", "的国产化替代方案设计",   "的可靠性评估", "的智能化改造"};
constexpr const char* kEnglishTitles[] = {
    "Design of a small CNC engraving machine",
    "Analysis of a planetary gearbox",
    "Modelling, simulation and control of a grid-tied inverter",
    "A \"digital twin\" of an assembly line",
    "Topology optimisation of a bracket",
    "Design, analysis and testing of a steel truss footbridge",
    "Low-power firmware for an IoT sensor node",
    "Synthesis and characterisation of a bio-based polymer"};

constexpr const char* kForeignUniversities[] = {"德国亚琛工业大学",
                                                "英国谢菲尔德大学",
                                                "美国普渡大学",
                                                "法国巴黎高科",
                                                "澳大利亚新南威尔士大学",
                                                "日本东北大学",
                                                "俄罗斯鲍曼莫斯科国立技术大学",
                                                "新加坡国立大学",
                                                "加拿大滑铁卢大学",
                                                "意大利米兰理工大学"};
struct ForeignPartner {
  const char* name;
  const char* country;
  const char* kind;
};
constexpr ForeignPartner kForeignPartners[] = {{"西门子股份公司", "德国", "company"},
                                               {"弗劳恩霍夫生产技术研究所", "德国", "institute"},
                                               {"通用电气公司", "美国", "company"},
                                               {"博世集团", "德国", "company"},
                                               {"ABB集团", "瑞士", "company"},
                                               {"空中客车公司", "法国", "company"},
                                               {"丰田汽车公司", "日本", "company"},
                                               {"法国国家科学研究中心", "法国", "institute"},
                                               {"英国国家物理实验室", "英国", "institute"},
                                               {"施耐德电气公司", "法国", "company"}};

// The materials of the ten requirements, verbatim from the built-in pack (dsl/zhuoyue).
struct MaterialTitle {
  int requirement;
  int item;
  const char* title;
};
constexpr MaterialTitle kMaterials[] = {
    {1, 1, "完整的参与学校制定的试点专业人才培养标准"},
    {1, 2, "表述学校办学定位、服务面向、办学优势和特色的文件"},
    {1, 3, "专业根据通用标准逐条说明学校标准的比对材料"},
    {1, 4, "行业企业专家具体参与标准制定过程的佐证材料"},
    {2, 1, "课程体系整合重组情况，包括课程体系特色、改革前后课程体系对照"},
    {2, 2, "课程体系构成，课程模块介绍，主要课程间逻辑关系，分学期教学计划"},
    {2, 3, "学校标准实现矩阵，包括课程实施方式和考核评价方式"},
    {2, 4,
     "专业主要课程的教学大纲，须说明课程与标准点的对于关系、教学内容和教学方式对实现标准点的"
     "支持作用"},
    {2, 5, "行业企业专家具体参与课程体系和教学内容整合重组的佐证材料"},
    {3, 1, "试点专业分学期教学计划，要求标出开展研究性学习的课程及主讲教师"},
    {3, 2, "开展研究性学习课程的教材及相关教辅材料"},
    {3, 3, "开展研究性学习课程的教学大纲、教学计划和考核评价方案"},
    {3, 4, "专业院系激励和支持教师开展研究性学习研究和教学的政策文件以及教学管理文件"},
    {4, 1,
     "教师队伍整体状况，教师个人职业发展信息（含学历、教学、科研、工程经历等），教师承担卓越工"
     "程师培养的教育教学工作情况"},
    {4, 2, "以正式文件形式下发的学校与专业建设高水平专兼职工科教师队伍的总体规划和具体措施"},
    {4, 3, "专业选送专职教师到企业工程岗位工作1-2年的详细年度计划"},
    {4, 4, "人事部门制定的针对试点专业专职教师的职务晋升、聘任、考核和管理办法"},
    {4, 5, "人事部门制定的试点专业兼职教师聘任、考核和管理的办法和相关措施"},
    {4, 6, "专业为兼职教师建立的档案材料, 包括聘任、培训和考核材料"},
    {4, 7, "教务部门按学期给专、兼职教师下达的教学任务书等相关材料"},
    {5, 1, "试点专业课程体系构成, 课程模块介绍, 主要课程间逻辑关系, 分学期教学计划"},
    {5, 2, "试点专业确定的 6 门专业课程的教学大纲、教学计划和主讲教师教学任务书"},
    {5, 3, "6门专业课主讲教师的企业工作经历证明材料"},
    {6, 1, "完整的企业培养方案"},
    {6, 2, "校企双方签署的合作教育文本"},
    {6, 3, "中心管理、运行和维护的规章制度或条例"},
    {6, 4, "中心指导教师职责要求或守则"},
    {6, 5, "实施企业培养方案的教学计划和教学安排"},
    {6, 6, "企业培养方案中主要教学环节或课程的教材和教学大纲"},
    {7, 1, "试点专业企业培养方案"},
    {7, 2, "实施企业培养方案的教学计划和教学安排"},
    {8, 1, "试点专业学生毕业设计选题清单及相关证明材料"},
    {8, 2, "试点专业全体学生进行毕业设计的时间、场地等教学安排"},
    {8, 3, "试点专业与学生对应的企业指导教师名录"},
    {9, 1, "试点专业教师清单，包括教育背景、学习经历和工作经历等"},
    {9, 2, "与国际接轨的课程的教材、教学大纲等"},
    {9, 3,
     "与境外高校、企业或研发机构签署的具有约束力的开展合作办学、合作教育、相互交流的文本或文件"},
    {9, 4, "试点专业开展国际交流与合作活动的计划和实施材料等"},
    {10, 1, "学校申请加入“卓越计划”时提交的学校工作方案"},
    {10, 2, "学校针对“卓越计划”的实施制定出台的各种政策、制度和规定等"},
    {10, 3, "学校支持“卓越计划”实施的专项经费预算及其管理办法"},
    {10, 4, "学校人事部门关于试点专业教师队伍建设的相关文件"},
    {10, 5, "学校教务部门关于试点专业教学改革和教学管理的相关文件"}};

// The criteria an expert judges (kinds judged and computed+judged in the built-in pack).
constexpr const char* kJudgedCriteria[] = {"1.3", "1.4", "2.4", "2.6", "2.7",  "3.2",  "3.3",
                                           "3.4", "3.5", "3.6", "3.7", "4.1",  "4.3",  "4.4",
                                           "4.6", "5.3", "6.1", "6.7", "6.10", "6.11", "9.2",
                                           "9.3", "9.5", "9.7", "9.9", "10.2", "10.4", "10.6"};

// The general standard G1–G11 as school-standard phrases, and standard-point texts for
// each ({d}: the discipline).
struct GeneralPhrases {
  const char* item;
  const char* points[3];
};
constexpr GeneralPhrases kGeneral[11] = {
    {"具有良好的工程职业道德和社会责任感",
     {"理解并遵守{d}领域工程师的职业道德规范", "在工程实践中自觉履行社会责任",
      "具有爱国敬业、追求卓越的精神和良好的人文素养"}},
    {"具有从事{d}工作所需的数学、自然科学和经济管理知识",
     {"能将数学和自然科学知识用于{d}问题的建模", "掌握工程经济分析与项目管理的基本方法",
      "能运用力学、电学等基础知识分析工程现象"}},
    {"具有良好的质量、安全、效益、环境和职业健康意识",
     {"在{d}设计中考虑质量、安全和环境因素", "了解职业健康与安全生产的法规与要求",
      "能评价工程方案的经济效益与环境影响"}},
    {"掌握扎实的{d}基础知识和专业理论",
     {"掌握{d}的核心专业理论", "了解{d}的生产工艺、设备与制造系统", "了解{d}的发展现状和趋势"}},
    {"具有分析并解决{d}实际问题的能力",
     {"能分析{d}中的复杂工程问题并提出方案", "能参与生产及运作系统的设计",
      "具有工程系统的运行与维护能力"}},
    {"具有创新意识和产品开发、技术改造的初步能力",
     {"能开展{d}产品的设计与开发", "具有技术改造与创新的初步能力",
      "能运用现代工具进行工程设计与仿真"}},
    {"具有信息获取和职业发展学习能力",
     {"能检索并综合{d}技术文献", "具有终身学习和职业发展的意识与能力", "能跟踪{d}领域的新技术"}},
    {"了解{d}技术标准和相关行业政策法规",
     {"了解{d}领域的技术标准与规范", "了解相关行业的政策、法律和法规",
      "能在工程设计中执行国家与行业标准"}},
    {"具有组织管理、交流沟通和团队合作能力",
     {"能在多学科团队中承担角色并有效合作", "能就{d}问题进行书面与口头交流",
      "具有一定的组织管理能力"}},
    {"具有应对危机与突发事件的初步能力",
     {"了解{d}生产中的风险识别与应急处置", "能制订简单的应急预案",
      "在突发事件中能保持冷静并有效应对"}},
    {"具有国际视野和跨文化交流、竞争与合作能力",
     {"了解{d}领域的国际发展动态", "能用外语进行专业交流",
      "具有跨文化环境下合作与竞争的初步能力"}}};

constexpr const char* kIndustryPoints[] = {"掌握{d}所需的数学、自然科学和工程基础知识",
                                           "具备{d}系统设计与开发能力",
                                           "熟悉{d}领域的技术标准和行业规范",
                                           "具备{d}项目管理和经济决策能力",
                                           "能够使用现代工具解决{d}复杂工程问题",
                                           "了解{d}行业的发展趋势和前沿技术",
                                           "具有{d}实践中的安全与环保意识",
                                           "能够在{d}团队中有效沟通与协作"};

std::string Fill(const char* pattern, const char* discipline) {
  std::string text = pattern;
  for (size_t at; (at = text.find("{d}")) != std::string::npos;) text.replace(at, 3, discipline);
  return text;
}

std::string Padded(std::string_view prefix, int64_t number, int width) {
  std::string digits = std::to_string(number);
  std::string id(prefix);
  if (static_cast<int>(digits.size()) < width) id.append(width - digits.size(), '0');
  return id + digits;
}

int Digits(int64_t n) { return static_cast<int>(std::to_string(n).size()); }

// ---- Profiles: what a program is meant to be ------------------------------------------------

enum class Archetype { kCompliant, kFailing, kIncomplete, kNotPassed };
constexpr const char* kArchetypeNames[] = {"compliant", "failing", "incomplete", "not_passed"};
constexpr const char* kExpectedOverall[] = {"passed_and_met", "passed_not_met", "pending",
                                            "not_passed"};

// Defects of failing programs: each makes its criterion not_met (docs/generator.md).
enum Defect {
  kUncoveredGeneral,           // 1.1
  kUncoveredIndustry,          // 1.2
  kNoIndustryExpert,           // 1.4
  kUnsupportedPoint,           // 2.2
  kNoImplementation,           // 2.3
  kUnassessedCourse,           // 2.5
  kLowResearchShare,           // 3.1
  kExamOnlyResearch,           // 3.7
  kMissingFacultyPlan,         // 4.1
  kNoSecondmentPlan,           // 4.2
  kLowPartTime,                // 4.6
  kUntrainedPartTime,          // 4.7
  kFewIndustryCourses,         // 5.1
  kInexperiencedLecturer,      // 5.2
  kOverloadedLecturer,         // 5.4
  kNoJointPlan,                // 6.3
  kPlanCourseWithoutPartTime,  // 6.8
  kShortPlan,                  // 7.1
  kShortWeeks,                 // 7.2
  kPlanCourseAtSchool,         // 7.3
  kThesisAtSchool,             // 8.2
  kNoEnterpriseSupervisor,     // 8.3
  kWeakInternational,          // requirement 9
  kMissingPolicyTopic,         // 10.1
  kNoFunding,                  // 10.3
  kMissingIncentiveTarget,     // 10.5
  kJudgedNotMet,               // a judged criterion
  kDefectCount
};
struct DefectInfo {
  const char* name;
  int weight;  // how often it is drawn, relative
};
constexpr DefectInfo kDefects[kDefectCount] = {{"uncovered_general", 5},
                                               {"uncovered_industry", 3},
                                               {"no_industry_expert", 3},
                                               {"unsupported_point", 6},
                                               {"no_implementation", 3},
                                               {"unassessed_course", 8},
                                               {"low_research_share", 5},
                                               {"exam_only_research", 4},
                                               {"missing_faculty_plan", 2},
                                               {"no_secondment_plan", 4},
                                               {"low_part_time", 6},
                                               {"untrained_part_time", 3},
                                               {"few_industry_courses", 3},
                                               {"inexperienced_lecturer", 8},
                                               {"overloaded_lecturer", 4},
                                               {"no_joint_plan", 2},
                                               {"plan_course_without_part_time", 3},
                                               {"short_plan", 3},
                                               {"short_weeks", 14},
                                               {"plan_course_at_school", 2},
                                               {"thesis_at_school", 4},
                                               {"no_enterprise_supervisor", 3},
                                               {"weak_international", 10},
                                               {"missing_policy_topic", 3},
                                               {"no_funding", 2},
                                               {"missing_incentive_target", 3},
                                               {"judged_not_met", 8}};

// Gaps of incomplete programs: the first five leave a requirement (or the overall result)
// pending; the last three only add unknowns.
enum Gap {
  kNoJudgements,
  kPartialJudgements,
  kNoMaterials,
  kUnknownIndustryYears,
  kAccreditationPending,
  kUnknownExchange,
  kNoScores,
  kUnknownFundingAmount,
  kGapCount
};
constexpr int kPendingGaps = 5;
constexpr const char* kGapNames[kGapCount] = {
    "no_judgements",         "partial_judgements", "no_materials", "unknown_industry_years",
    "accreditation_pending", "unknown_exchange",   "no_scores",    "unknown_funding_amount"};

struct Profile {
  uint64_t seed = 0;
  int64_t index = 0;
  int64_t university = 0;
  const Major* major = nullptr;
  Archetype archetype = Archetype::kCompliant;
  std::bitset<kDefectCount> defects;
  std::bitset<kGapCount> gaps;
  std::vector<std::string> labels;  // defect and gap names, in the order drawn
  int items = 0, points = 0, industry_points = 0, courses = 0, teachers = 0, students = 0,
      centres = 0;

  bool Has(Defect d) const { return defects[d]; }
  bool Has(Gap g) const { return gaps[g]; }
};

// Students of a program: 60 + 840·g(x) with x a bell on [0, 1] and g(x) = x² + 0.14·x(1−x),
// skewed to the right: median ≈ 300, mean ≈ 314.4 (E[x²] = 1/4 + 1/48), so 16,284 programs
// hold ≈ 5.12 M students.
int DrawStudents(Rng& rng) {
  double x = rng.Bell();
  double g = x * x + 0.14 * x * (1 - x);
  return 60 + static_cast<int>(std::floor(840 * g + 0.5));
}

// The majors of university `u`: a permutation of the catalogue drawn from (seed, u).
const Major* MajorOf(uint64_t seed, int64_t index) {
  int64_t university = index / kProgramsPerUniversity;
  Rng rng = MakeRng(seed, university, kUniversityStream);
  std::vector<int> order(kMajorCount);
  for (int i = 0; i < kMajorCount; ++i) order[i] = i;
  rng.Shuffle(order);
  return &kMajors[order[index % kProgramsPerUniversity]];
}

Profile DrawProfile(uint64_t seed, int64_t index) {
  Rng rng = MakeRng(seed, index, kProfileStream);
  Profile p;
  p.seed = seed;
  p.index = index;
  p.university = index / kProgramsPerUniversity;
  p.major = MajorOf(seed, index);
  p.items = rng.Range(6, 12);
  p.points = rng.Range(15, 30);
  p.industry_points = rng.Range(4, 8);
  p.courses = (rng.Range(30, 60) + rng.Range(30, 60)) / 2;
  p.teachers = (rng.Range(20, 60) + rng.Range(20, 60)) / 2;
  p.students = DrawStudents(rng);
  p.centres = 1 + rng.Weighted({30, 45, 25});
  p.archetype = static_cast<Archetype>(rng.Weighted({30, 45, 20, 5}));
  if (index == 0) {  // the typical program: median sizes, meets everything
    p.items = 9;
    p.points = 22;
    p.industry_points = 6;
    p.courses = 44;
    p.teachers = 40;
    p.students = 300;
    p.centres = 2;
    p.archetype = Archetype::kCompliant;
  }
  auto add_defects = [&](int count) {
    for (int k = 0; k < count; ++k) {
      int weights[kDefectCount];
      for (int d = 0; d < kDefectCount; ++d) weights[d] = p.defects[d] ? 0 : kDefects[d].weight;
      int d = rng.Weighted(weights);
      p.defects.set(d);
      p.labels.push_back(kDefects[d].name);
    }
  };
  switch (p.archetype) {
    case Archetype::kCompliant:
      break;
    case Archetype::kFailing:
      add_defects(1 + rng.Weighted({45, 30, 17, 8}));
      break;
    case Archetype::kNotPassed:
      add_defects(rng.Range(0, 2));
      break;
    case Archetype::kIncomplete: {
      int pending = rng.Weighted({50, 15, 10, 15, 10});
      p.gaps.set(pending);
      p.labels.push_back(kGapNames[pending]);
      for (int g = kPendingGaps; g < kGapCount; ++g) {
        if (rng.Chance(300)) {
          p.gaps.set(g);
          p.labels.push_back(kGapNames[g]);
        }
      }
      break;
    }
  }
  return p;
}

// ---- The dossier as plain structs ---------------------------------------------------------

// A support or target weight: H/M/L, or a number in (0, 1] when `letter` is 0.
struct Weight {
  char letter = 'H';
  double value = 0;
};
struct Target {
  int point;  // index into Program::points
  Weight weight;
};
struct Assessment {
  std::string id, name, kind;
  double weight = 1, full_score = 100;
  std::vector<Target> points;
};
struct Course {
  std::string id, name, kind;
  bool core = false;
  int semester = 1;
  double credits = 0, hours = 0, weeks = 16;
  std::string venue = "school";
  bool plan = false;      // in_enterprise_plan
  bool industry = false;  // industry_taught
  std::vector<int> lecturers;
  std::string implementation;
  std::vector<std::string> methods;
  bool codeveloped = false, equivalent = false;
  std::string language = "zh";
  std::vector<Target> supports;
  std::vector<Assessment> assessments;
  bool research = false;   // core with a research method (bookkeeping only)
  bool special = false;    // a specialised course of the major (bookkeeping only)
  uint16_t goals = 0;      // the general points it most likely serves (bookkeeping only)
  bool scored = false;     // its assessments' results are in the scores table
  bool plan_only = false;  // only plan students take it (the plan's segments but the thesis)
};
struct Teacher {
  std::string id, name;
  bool part_time = false;
  std::string employer;  // part-time teachers only
  std::optional<double> industry_years;
  double planned = 0, completed = 0;  // full-time teachers only
  std::vector<std::string> international;
  double workload = 0;
  bool trained = true;  // part-time teachers only
};
struct Student {
  std::string id, name;
  int cohort = 0;
  bool plan = false, foreign = false;
  double weeks = 0;
  std::optional<bool> exchange;
  std::string title, topic, venue;
  int school_supervisor = 0;
  std::string enterprise_supervisor;
};
struct Score {
  int student;
  int course, assessment;
  double value;
};
struct Point {
  std::string id, text;
};
struct Item {
  std::string id, text;
  std::vector<std::string> covers;
  std::vector<int> points;
};
struct Contributor {
  std::string name, org, kind;
};
struct Centre {
  std::string id, name, company;
  bool signed_agreement = true;
  int years = 5;
  bool joint_plan = true;
  std::string school_leader, enterprise_leader;
  std::vector<int> mentors;
  bool quality_assurance = true;
  std::string facilities;
};
struct Cooperation {
  std::string kind, partner;
  int since;
};
struct Activity {
  std::string kind;
  int year;
  std::string title;
};
struct Policy {
  std::string id, title;
  std::vector<std::string> topics;
};
struct Funding {
  int year;
  std::optional<double> amount;
  std::vector<std::string> purposes;
};
struct Judgement {
  std::string criterion, verdict, by, note;
  int distinction = 0;  // a {requirement, distinction: true} row when > 0
};

struct Program {
  Profile profile;
  std::string id, name, university, major_code;
  std::optional<std::string> field;
  int plan_joined = 0, first_graduation = 0, evaluation_year = 0;
  std::string accreditation = "passed";
  std::optional<int> validity, accreditation_year;
  std::optional<std::pair<int, std::string>> previous;
  std::vector<Contributor> standard_contributors, curriculum_contributors;
  std::vector<Point> industry;
  std::vector<Item> items;
  std::vector<Point> points;
  std::vector<Course> courses;
  std::vector<Teacher> teachers;
  std::vector<Student> students;
  bool has_scores = true;
  std::vector<Score> scores;
  std::vector<Centre> centres;
  std::vector<Cooperation> cooperation;
  std::vector<ForeignPartner> partners;
  std::vector<Activity> activities;
  std::vector<std::string> other;
  std::vector<Policy> policies;
  std::vector<Funding> funding;
  std::vector<Policy> incentives;
  bool has_materials = true;
  std::vector<MaterialTitle> materials;
  bool has_judgements = true;
  std::vector<Judgement> judgements;
};

std::string ChineseName(Rng& rng) {
  std::string name = rng.Pick(kSurnames);
  name += rng.Pick(kGivenNames);
  if (rng.Chance(650)) name += rng.Pick(kGivenNames);
  return name;
}

Weight DrawWeight(Rng& rng) {
  if (rng.Chance(50)) return {0, rng.Range(3, 10) / 10.0};  // a numeric weight, 0.3 … 1
  return {"HHHMMMLL"[rng.Below(8)], 0};
}

bool Contains(const std::vector<int>& items, int item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

// ---- Building a program: the compliant shape, then the profile's defects -------------------

class Builder {
 public:
  explicit Builder(const Profile& profile) : p_(profile) {
    program_.profile = profile;
    group_ = profile.major->group;
    discipline_ = kDiscipline[group_];
  }

  // Everything but the students and their scores.
  Program Skeleton() {
    ProgramInfo();
    Standards();
    Teachers();
    Courses();
    CourseDefects();
    Centres();
    Support();
    TeacherDefects();
    Workloads();
    return std::move(program_);
  }

 private:
  Rng Stream(Stream stream) const { return MakeRng(p_.seed, p_.index, stream); }
  const char* Company(Rng& rng) const { return kCompanies[group_][rng.Below(7)]; }
  std::vector<int> FullTime() const { return Indices(false); }
  std::vector<int> PartTime() const { return Indices(true); }
  std::vector<int> Indices(bool part_time) const {
    std::vector<int> out;
    for (size_t t = 0; t < program_.teachers.size(); ++t) {
      if (program_.teachers[t].part_time == part_time) out.push_back(static_cast<int>(t));
    }
    return out;
  }
  double Years(int t) const { return program_.teachers[t].industry_years.value_or(0); }

  void ProgramInfo() {
    Rng rng = Stream(kProgramStream);
    Program& d = program_;
    int64_t u = p_.university;
    d.university = std::string(kCities[u % std::size(kCities)]) +
                   kUniversityKinds[(u / std::size(kCities)) % std::size(kUniversityKinds)];
    d.major_code = p_.major->code;
    d.id = absl::StrCat(10001 + u, "-", d.major_code);
    d.name = p_.major->name;
    if (p_.major->field != nullptr) d.field = p_.major->field;
    d.plan_joined = 2010 + rng.Weighted({40, 35, 15, 10});
    d.first_graduation = d.plan_joined + 4;
    d.evaluation_year = d.first_graduation + rng.Weighted({25, 35, 25, 15});
    if (rng.Chance(40)) d.evaluation_year = d.first_graduation - 1;  // applied too early
    if (p_.archetype == Archetype::kNotPassed) {
      d.accreditation = "failed";
      d.accreditation_year = d.evaluation_year - rng.Range(0, 1);
    } else if (rng.Chance(750)) {
      d.validity = 6;
      d.accreditation_year = d.evaluation_year - rng.Range(0, 5);
    } else {
      d.validity = 3;
      d.accreditation_year = d.evaluation_year - rng.Pick({0, 0, 3, 1});
    }
    if (rng.Chance(150)) {
      d.previous.emplace(d.evaluation_year - rng.Range(1, 3), rng.Chance(600) ? "not_met" : "met");
    }
    std::string school = d.university + kSchool[group_];
    int faculty = rng.Range(2, 4), experts = rng.Range(1, 2);
    for (int k = 0; k < faculty; ++k) {
      d.standard_contributors.push_back({ChineseName(rng), school, "faculty"});
    }
    if (p_.Has(kNoIndustryExpert)) {
      d.standard_contributors.push_back(
          {ChineseName(rng), absl::StrCat("中国", discipline_, "学会"), "other"});
    } else {
      for (int k = 0; k < experts; ++k) {
        d.standard_contributors.push_back({ChineseName(rng), Company(rng), "industry_expert"});
      }
    }
    for (int k = rng.Range(1, 3); k > 0; --k) {
      d.curriculum_contributors.push_back({ChineseName(rng), school, "faculty"});
    }
    for (int k = rng.Range(1, 2); k > 0; --k) {
      d.curriculum_contributors.push_back({ChineseName(rng), Company(rng), "industry_expert"});
    }
  }

  // Industry points, school-standard items covering G1–G11 and them, standard points.
  void Standards() {
    Rng rng = Stream(kStandardStream);
    Program& d = program_;
    for (int i = 0; i < p_.industry_points; ++i) {
      d.industry.push_back({absl::StrCat("I", i + 1), Fill(kIndustryPoints[i], discipline_)});
    }
    int items = p_.items;
    std::vector<int> slots(items);
    for (int i = 0; i < items; ++i) slots[i] = i;
    rng.Shuffle(slots);
    std::vector<std::vector<int>> general(items);  // G numbers (0-based) per item
    for (int g = 0; g < 11; ++g) general[slots[g % items]].push_back(g);
    for (int i = 0; i < items; ++i) {
      if (rng.Chance(300)) {
        int g = static_cast<int>(rng.Below(11));
        if (!Contains(general[i], g)) general[i].push_back(g);
      }
      std::sort(general[i].begin(), general[i].end());
    }
    std::vector<std::vector<int>> industry(items);
    for (int k = 0; k < p_.industry_points; ++k) {
      industry[rng.Below(items)].push_back(k);
      if (rng.Chance(250)) {
        int i = static_cast<int>(rng.Below(items));
        if (!Contains(industry[i], k)) industry[i].push_back(k);
      }
    }
    for (int i = 0; i < items; ++i) {  // twelve items: one covers industry points only
      if (general[i].empty() && industry[i].empty()) {
        industry[i].push_back(rng.Below(p_.industry_points));
      }
    }
    if (p_.Has(kUncoveredGeneral)) Uncover(rng, general, industry, 11, p_.industry_points);
    if (p_.Has(kUncoveredIndustry)) Uncover(rng, industry, general, p_.industry_points, 11);
    std::vector<int> per_item(items, 1);
    for (int k = items; k < p_.points; ++k) ++per_item[rng.Below(items)];
    for (int i = 0; i < items; ++i) {
      Item item;
      item.id = absl::StrCat("S", i + 1);
      for (int g : general[i]) item.covers.push_back(absl::StrCat("G", g + 1));
      std::sort(industry[i].begin(), industry[i].end());
      for (int k : industry[i]) item.covers.push_back(absl::StrCat("I", k + 1));
      // The item's text names its first two general points (or its industry point).
      if (general[i].empty()) {
        item.text = Fill(kIndustryPoints[industry[i].front()], discipline_);
      } else {
        item.text = Fill(kGeneral[general[i][0]].item, discipline_);
        if (general[i].size() > 1) {
          item.text += "，" + Fill(kGeneral[general[i][1]].item, discipline_);
        }
      }
      // Its points refine its general points in turn, three phrasings each; beyond those,
      // industry requirements.
      for (int j = 0; j < per_item[i]; ++j) {
        int g = general[i].empty() ? static_cast<int>(rng.Below(11))
                                   : general[i][j % general[i].size()];
        size_t round = j / std::max<size_t>(1, general[i].size());
        std::string text = Fill(round < 3 ? kGeneral[g].points[round]
                                          : kIndustryPoints[(i + j) % std::size(kIndustryPoints)],
                                discipline_);
        item.points.push_back(static_cast<int>(d.points.size()));
        d.points.push_back({absl::StrCat(item.id, ".", j + 1), std::move(text)});
      }
      d.items.push_back(std::move(item));
    }
  }

  // Removes one target from every item's covers (a defect); an item left covering nothing
  // takes a target of the other kind instead.
  static void Uncover(Rng& rng, std::vector<std::vector<int>>& from,
                      std::vector<std::vector<int>>& other, int count, int other_count) {
    int gone = static_cast<int>(rng.Below(count));
    for (size_t i = 0; i < from.size(); ++i) {
      std::erase(from[i], gone);
      if (from[i].empty() && other[i].empty()) other[i].push_back(rng.Below(other_count));
    }
  }

  void Teachers() {
    Rng rng = Stream(kStaffStream);
    Program& d = program_;
    int n = p_.teachers;
    int part_time;
    if (p_.Has(kLowPartTime)) {
      part_time = std::max(2, (n + 4) / 5 - 1 - rng.Range(0, 1));  // below one fifth
    } else {
      part_time = (n * rng.Range(20, 34) + 99) / 100;
      while (part_time * 5 < n) ++part_time;
    }
    int full_time = n - part_time;
    // International background: a per-program rate, low for weak_international.
    int intl_rate = p_.Has(kWeakInternational) ? rng.Range(40, 110) : rng.Range(180, 420);
    int width = std::max(2, Digits(n));
    for (int t = 0; t < n; ++t) {
      Teacher teacher;
      teacher.id = Padded("T", t + 1, width);
      teacher.part_time = t >= full_time;
      if (teacher.part_time) {
        teacher.name = ChineseName(rng);
        teacher.employer = Company(rng);
        teacher.industry_years = rng.Range(8, 25);
        teacher.workload = 16 * rng.Range(2, 8);
        if (rng.Chance(intl_rate / 2)) teacher.international.push_back("multinational_1y");
      } else {
        int category = rng.Weighted({35, 20, 15, 30});
        double years = category == 0   ? 0
                       : category == 1 ? rng.Range(2, 4) / 2.0  // 1, 1.5 or 2
                       : category == 2 ? rng.Range(3, 4)
                                       : rng.Range(5, 15);
        teacher.industry_years = years;
        if (years < 1) {
          teacher.planned = rng.Pick({12, 12, 18, 24});
          teacher.completed = rng.Pick({0.0, 0.0, 6.0, teacher.planned});
        } else {
          teacher.planned = rng.Pick({0, 6, 12, 12});
          teacher.completed = std::min(teacher.planned, rng.Pick({0.0, 6.0, 12.0}));
        }
        bool foreign = rng.Chance(intl_rate / 12);
        teacher.name = foreign ? rng.Pick(kForeignTeachers) : ChineseName(rng);
        if (foreign) {
          teacher.international.push_back("foreign_national");
        } else if (rng.Chance(intl_rate)) {
          teacher.international.push_back(
              rng.Pick({"phd_abroad", "phd_abroad", "abroad_1y", "abroad_1y", "multinational_1y"}));
          if (rng.Chance(150)) teacher.international.push_back("abroad_1y");
          if (teacher.international.size() == 2 && teacher.international[0] == "abroad_1y") {
            teacher.international.pop_back();
          }
        }
      }
      d.teachers.push_back(std::move(teacher));
    }
    // At least three experienced full-time teachers, to lecture the industry-taught courses.
    std::vector<int> ft = FullTime();
    int experienced = 0;
    for (int t : ft) experienced += Years(t) >= 5;
    for (int t : ft) {
      if (experienced >= 3) break;
      if (Years(t) < 5) {
        d.teachers[t].industry_years = rng.Range(5, 12);
        ++experienced;
      }
    }
    if (p_.Has(kWeakInternational)) {  // strictly under a quarter of the teachers
      int with = 0;
      for (auto& t : d.teachers) {
        if (!t.international.empty() && (with + 1) * 4 >= n) t.international.clear();
        with += !t.international.empty();
      }
    }
  }

  void Courses() {
    Rng rng = Stream(kCourseStream);
    Program& d = program_;
    // The plan's segments: two or three at enterprises, then the thesis (16 weeks).
    int segments = rng.Range(2, 3);
    std::vector<int> seg_weeks;
    if (p_.Has(kShortPlan)) {
      seg_weeks = {4, 6};
      segments = 2;
    } else {
      for (int s = 0; s < segments; ++s) seg_weeks.push_back(rng.Pick({4, 6, 8, 10, 12}));
      int total = 16;
      for (int w : seg_weeks) total += w;
      if (total < 32) seg_weeks.back() += 32 - total + 2 * rng.Range(0, 2);
    }
    int rest = p_.courses - segments - 1;
    int base = std::min<int>(std::size(kBaseCourses), 8 + rng.Range(0, std::max(0, rest - 30)));
    base = std::max(base, std::min<int>(std::size(kBaseCourses), rest - 48));
    int special = std::min(16, rest - base);
    int derived = rest - base - special;
    struct Draft {
      Course course;
      int order;  // sorting key: semester, then catalogue order
    };
    std::vector<Draft> drafts;
    auto add = [&](std::string name, std::string kind, int semester, double credits,
                   uint16_t goals) {
      Course c;
      c.name = std::move(name);
      c.kind = std::move(kind);
      c.semester = std::clamp(semester, 1, 8);
      c.credits = credits;
      c.goals = goals;
      int order = c.semester * 1000 + static_cast<int>(drafts.size());
      drafts.push_back({std::move(c), order});
      return &drafts.back().course;
    };
    for (int b = 0; b < base; ++b) {
      const BaseCourse& bc = kBaseCourses[b];
      Course* c = add(bc.name, bc.kind, bc.semester, bc.half_credits / 2.0, bc.goals);
      if (c->kind == "practice") c->weeks = 2;
    }
    for (int s = 0; s < special; ++s) {
      add(kSpecialCourses[group_][s], "course", 3 + s * 5 / 16, rng.Range(4, 8) / 2.0,
          kSpecialGoals)
          ->special = true;
    }
    // Labs and course designs of the specialised courses fill the rest (at most 32: `base`
    // grows with the count).
    for (int k = 0; k < derived; ++k) {
      int s = k / 2;
      const char* parent = kSpecialCourses[group_][s];
      if (k % 2 == 0) {
        add(absl::StrCat(parent, "实验"), "lab", 3 + s * 5 / 16, rng.Range(1, 3) / 2.0, kLabGoals);
      } else {
        add(absl::StrCat(parent, "课程设计"), "design", 4 + s * 4 / 16, rng.Range(2, 4) / 2.0,
            kDesignGoals)
            ->weeks = rng.Range(1, 3);
      }
    }
    for (int s = 0; s < segments; ++s) {
      const auto& [name, kind] = kPlanSegments[s + (segments == 2 && s == 1 ? 1 : 0)];
      Course* c = add(name, kind, 5 + s + (segments == 2), seg_weeks[s], kPlanGoals);
      c->weeks = seg_weeks[s];
      c->plan = true;
    }
    Course* thesis = add("毕业设计（论文）", "thesis", 8, 16, kThesisGoals);
    thesis->weeks = 16;
    thesis->plan = true;
    std::stable_sort(drafts.begin(), drafts.end(),
                     [](const Draft& a, const Draft& b) { return a.order < b.order; });
    for (auto& draft : drafts) d.courses.push_back(std::move(draft.course));
    int width = std::max(2, Digits(d.courses.size()));
    std::vector<int> specials, plan;
    for (size_t c = 0; c < d.courses.size(); ++c) {
      Course& course = d.courses[c];
      course.id = Padded("C", c + 1, width);
      if (course.kind == "course" || course.kind == "lab") {
        course.hours = course.credits * (course.kind == "lab" ? 32 : 16);
      } else if (course.kind == "design") {
        course.hours = course.weeks * 30;
      }
      if (course.plan) {
        course.venue = "enterprise";
        course.codeveloped = true;
        plan.push_back(static_cast<int>(c));
      } else if (course.special) {
        specials.push_back(static_cast<int>(c));
        course.codeveloped = rng.Chance(200);
      }
    }
    // Core courses: most specialised ones; the industry-taught ones among them.
    int industry_count = p_.Has(kFewIndustryCourses) ? rng.Range(4, 5) : rng.Range(6, 8);
    std::vector<int> core;
    for (int c : specials) {
      if (rng.Chance(650)) core.push_back(c);
    }
    for (int c : specials) {
      if (static_cast<int>(core.size()) >= industry_count + 1) break;
      if (!Contains(core, c)) core.push_back(c);
    }
    std::sort(core.begin(), core.end());
    for (int c : core) d.courses[c].core = true;
    std::vector<int> shuffled = core;
    rng.Shuffle(shuffled);
    std::vector<int> industry(shuffled.begin(), shuffled.begin() + industry_count);
    for (int c : industry) d.courses[c].industry = true;
    industry_ = industry;
    plan_ = plan;
    // Research-based learning in at least half of the core courses (fewer for the defect).
    int research = p_.Has(kLowResearchShare) ? (static_cast<int>(core.size()) - 1) / 2
                                             : (static_cast<int>(core.size()) + 1) / 2 +
                                                   rng.Range(0, static_cast<int>(core.size()) / 2);
    rng.Shuffle(shuffled);
    for (int k = 0; k < research; ++k) d.courses[shuffled[k]].research = true;
    bool equivalent = false;
    for (int c : core) {
      if (!p_.Has(kWeakInternational) && rng.Chance(150)) {
        d.courses[c].equivalent = true;
        equivalent = true;
      }
    }
    if (!equivalent && !p_.Has(kWeakInternational)) d.courses[core.front()].equivalent = true;
    // A few courses in English or bilingual.
    if (!p_.Has(kWeakInternational)) {
      for (int k = rng.Range(0, 3); k > 0; --k) {
        Course& c = d.courses[specials[rng.Below(specials.size())]];
        c.language = rng.Chance(300) ? "en" : "bilingual";
      }
    }
    for (auto& course : d.courses) Methods(rng, course);
    Supports(rng);
    for (auto& course : d.courses) Assessments(rng, course);
    Lecturers(rng);
    // The scores table holds the results of about a third of the courses: the
    // industry-taught ones, the plan's segments, and a sample of the others.
    for (auto& course : d.courses) {
      course.scored = course.industry || course.plan || rng.Chance(220);
      course.plan_only = course.plan && course.kind != "thesis";
    }
  }

  void Methods(Rng& rng, Course& c) {
    if (c.kind == "lab") {
      c.methods = {"lab"};
      c.implementation = rng.Pick({"实验室分组实验与实验报告", "综合设计性实验，分组完成并答辩"});
    } else if (c.kind == "design") {
      c.methods = {"project"};
      c.implementation = "分组完成" + c.name + "并答辩";
    } else if (c.kind == "thesis") {
      c.methods = {"project"};
      c.implementation = "在企业完成来自工程实际的课题，校企双导师指导";
    } else if (c.plan) {
      c.methods = {"project"};
      c.implementation = rng.Pick({"在工程实践教育中心参与企业技术改造项目",
                                   "在企业生产一线轮岗实习，企业工程师现场指导",
                                   "企业工程师指导下完成工程项目，校企联合考核"});
    } else if (c.kind == "practice") {
      c.methods = {"lab", "project"};
      c.implementation = "在学校工程训练中心集中实训";
    } else if (c.research) {
      const char* method = rng.Pick({"problem", "case", "project"});
      c.methods = {"lecture", method};
      if (rng.Chance(250)) c.methods.push_back(method == std::string("case") ? "project" : "case");
      std::string object = kThesisObjects[group_][rng.Below(8)];
      c.implementation = std::string(method) == "problem" ? "基于问题的学习，小组研讨与汇报"
                         : std::string(method) == "case"
                             ? "以企业典型工程案例组织教学，案例分析报告"
                             : "以" + object + "项目贯穿课程，企业工程师参与评审";
    } else {
      c.methods = {rng.Pick({"lecture", "lecture", "lecture", "seminar"})};
      if (rng.Chance(300)) c.methods.push_back("lab");
      c.implementation = rng.Pick({"课堂讲授与习题课结合", "课堂讲授与课程实验结合",
                                   "线上线下混合式教学", "课堂讲授与工程实例分析"});
    }
  }

  // Every point is supported by some course; a few general courses support none.
  void Supports(Rng& rng) {
    Program& d = program_;
    std::vector<int> teaching;
    for (size_t c = 0; c < d.courses.size(); ++c) {
      const Course& course = d.courses[c];
      bool orphan =
          !course.plan && !course.core && course.kind == "course" &&
          (course.name == std::string("大学英语") || course.name == std::string("创新创业基础")) &&
          rng.Chance(500);
      if (!orphan) teaching.push_back(static_cast<int>(c));
    }
    // The general points each standard point serves, through its item's covers.
    std::vector<uint16_t> serves(d.points.size(), 0);
    for (const Item& item : d.items) {
      uint16_t goals = 0;
      for (const std::string& target : item.covers) {
        if (target[0] == 'G') goals |= G(std::stoi(target.substr(1)));
      }
      for (int pt : item.points) serves[pt] = goals;
    }
    auto fits = [&](int c, int pt) { return (d.courses[c].goals & serves[pt]) != 0; };
    std::vector<std::vector<int>> supported(d.courses.size());
    for (size_t pt = 0; pt < d.points.size(); ++pt) {
      std::vector<int> fitting;
      for (int c : teaching) {
        if (fits(c, static_cast<int>(pt))) fitting.push_back(c);
      }
      const std::vector<int>& from = !fitting.empty() && rng.Chance(800) ? fitting : teaching;
      supported[rng.Pick(from)].push_back(static_cast<int>(pt));
    }
    for (int c : teaching) {
      const Course& course = d.courses[c];
      int want = course.kind == "thesis" ? rng.Range(3, 4)
                 : course.plan           ? rng.Range(2, 3)
                 : course.kind == "lab"  ? rng.Range(1, 2)
                 : course.core           ? rng.Range(2, 3)
                                         : rng.Range(1, 2);
      auto& points = supported[c];
      for (int tries = 0; static_cast<int>(points.size()) < want && tries < 12; ++tries) {
        int pt = static_cast<int>(rng.Below(d.points.size()));
        if (!Contains(points, pt) && (fits(c, pt) || tries >= 8)) points.push_back(pt);
      }
      for (int pt : points) d.courses[c].supports.push_back({pt, DrawWeight(rng)});
    }
  }

  void Assessments(Rng& rng, Course& c) {
    int count = c.kind == "thesis"                        ? rng.Range(2, 3)
                : c.plan                                  ? 2
                : c.kind == "lab" || c.kind == "practice" ? 1
                : c.kind == "design"                      ? rng.Range(1, 2)
                : c.research                              ? rng.Range(2, 3)
                                                          : 1 + rng.Weighted({40, 40, 15, 5});
    std::vector<std::pair<std::string, std::string>> kinds;  // kind, name
    if (c.kind == "thesis") {
      kinds = {{"defense", "毕业答辩"},
               {"report", "毕业设计说明书评阅"},
               {"mentor_review", "企业导师评价"}};
    } else if (c.plan) {
      kinds = {{"report", "实习报告"},
               {rng.Chance(500) ? "defense" : "mentor_review", "校企联合考核"}};
    } else if (c.kind == "lab") {
      kinds = {{"lab", "实验考核"}};
    } else if (c.kind == "practice") {
      kinds = {{"lab", "实训作品考核"}};
    } else if (c.kind == "design") {
      kinds = {{"report", "设计说明书"}, {"defense", "设计答辩"}};
    } else {
      kinds = {{"exam", "期末考试"}};
      std::vector<std::pair<std::string, std::string>> extra = {
          {"report", c.research ? "案例分析报告" : "课程报告"},
          {"project", c.name + "项目"},
          {"exam", "期中考试"},
          {"lab", "课程实验"}};
      if (!c.research) rng.Shuffle(extra);
      for (int k = 1; k < count; ++k) kinds.push_back(extra[k - 1]);
    }
    // Weights in tenths summing to one, the first the largest share.
    std::vector<int> tenths(count, 1);
    for (int k = count; k < 10; ++k) ++tenths[rng.Chance(450) ? 0 : rng.Below(count)];
    std::sort(tenths.begin() + 1, tenths.end(), std::greater<>());
    if (tenths.size() > 1 && tenths[1] > tenths[0]) std::swap(tenths[0], tenths[1]);
    int number = std::stoi(c.id.substr(1));
    for (int k = 0; k < count; ++k) {
      Assessment a;
      a.id =
          Padded("A", number, 2) + (count == 1 ? "" : std::string(1, static_cast<char>('a' + k)));
      a.kind = kinds[k].first;
      a.name = kinds[k].second;
      a.weight = tenths[k] / 10.0;
      a.full_score = a.kind == "exam" || rng.Chance(800) ? 100 : rng.Pick({50, 20, 10});
      c.assessments.push_back(std::move(a));
    }
    // Each supported point measured by some assessment; each assessment measures something.
    for (const Target& s : c.supports) {
      Assessment& a = c.assessments[rng.Below(count)];
      a.points.push_back({s.point, rng.Chance(700) ? s.weight : DrawWeight(rng)});
    }
    if (c.supports.empty()) return;
    for (Assessment& a : c.assessments) {
      if (a.points.empty() || rng.Chance(150)) {
        const Target& s = c.supports[rng.Below(c.supports.size())];
        bool present = false;
        for (const Target& t : a.points) present |= t.point == s.point;
        if (!present) a.points.push_back({s.point, DrawWeight(rng)});
      }
    }
  }

  void Lecturers(Rng& rng) {
    Program& d = program_;
    std::vector<int> ft = FullTime(), pt = PartTime();
    // Industry-taught courses: teachers with five years or more in industry, two courses
    // each at most.
    std::vector<int> qualified, load(d.teachers.size(), 0);
    for (size_t t = 0; t < d.teachers.size(); ++t) {
      if (Years(static_cast<int>(t)) >= 5) qualified.push_back(static_cast<int>(t));
    }
    for (int c : industry_) {
      int want = rng.Chance(350) ? 2 : 1;
      for (int tries = 0; static_cast<int>(d.courses[c].lecturers.size()) < want && tries < 40;
           ++tries) {
        int t = rng.Pick(qualified);
        if (load[t] < 2 && !Contains(d.courses[c].lecturers, t)) {
          d.courses[c].lecturers.push_back(t);
          ++load[t];
        }
      }
      if (d.courses[c].lecturers.empty()) {  // every qualified teacher has two already
        for (int t : qualified) {
          if (load[t] < 2) {
            d.courses[c].lecturers.push_back(t);
            ++load[t];
            break;
          }
        }
      }
    }
    // The plan's segments and the thesis: a full-time and a part-time teacher.
    int next_pt = static_cast<int>(rng.Below(pt.size()));
    for (int c : plan_) {
      d.courses[c].lecturers = {rng.Pick(ft), pt[next_pt++ % pt.size()]};
    }
    for (auto& course : d.courses) {
      if (!course.lecturers.empty()) continue;
      course.lecturers.push_back(rng.Pick(ft));
      if (rng.Chance(250)) {
        int t = rng.Chance(300) ? pt[next_pt++ % pt.size()] : rng.Pick(ft);
        if (!Contains(course.lecturers, t)) course.lecturers.push_back(t);
      }
    }
  }

  // The defects that edit the curriculum.
  void CourseDefects() {
    Rng rng = Stream(kCourseDefectStream);
    Program& d = program_;
    auto supporting = [&](bool exclude_special) {
      std::vector<int> out;
      for (size_t c = 0; c < d.courses.size(); ++c) {
        const Course& course = d.courses[c];
        if (course.supports.empty()) continue;
        if (exclude_special && (course.industry || course.plan || course.kind == "thesis")) {
          continue;
        }
        out.push_back(static_cast<int>(c));
      }
      return out;
    };
    if (p_.Has(kUnsupportedPoint)) {
      int gone = static_cast<int>(rng.Below(d.points.size()));
      auto drop = [gone](std::vector<Target>& targets) {
        targets.erase(std::remove_if(targets.begin(), targets.end(),
                                     [gone](const Target& t) { return t.point == gone; }),
                      targets.end());
      };
      for (auto& course : d.courses) {
        drop(course.supports);
        for (auto& a : course.assessments) drop(a.points);
      }
    }
    if (p_.Has(kNoImplementation)) {
      std::vector<int> courses = supporting(true);
      d.courses[rng.Pick(courses)].implementation = rng.Chance(300) ? " " : "";
    }
    if (p_.Has(kUnassessedCourse)) {
      std::vector<int> courses = supporting(true);
      Course& c = d.courses[rng.Pick(courses)];
      c.assessments.clear();
      c.scored = false;
    }
    if (p_.Has(kExamOnlyResearch)) {
      std::vector<int> research;
      for (size_t c = 0; c < d.courses.size(); ++c) {
        if (d.courses[c].research && d.courses[c].core) research.push_back(static_cast<int>(c));
      }
      if (!research.empty()) {
        Course& c = d.courses[rng.Pick(research)];
        for (size_t k = 0; k < c.assessments.size(); ++k) {
          c.assessments[k].kind = "exam";
          c.assessments[k].name = k == 0 ? "期末考试" : k == 1 ? "期中考试" : "阶段测验";
        }
      }
    }
    if (p_.Has(kOverloadedLecturer)) {
      int c0 = industry_[0];
      int t = d.courses[c0].lecturers[0];
      int added = 0;
      for (int c : industry_) {
        if (added == 2) break;
        if (!Contains(d.courses[c].lecturers, t)) {
          d.courses[c].lecturers.push_back(t);
          ++added;
        }
      }
    }
    if (p_.Has(kInexperiencedLecturer)) {
      std::vector<int> novices;
      for (int t : FullTime()) {
        if (Years(t) >= 1 && Years(t) < 5) novices.push_back(t);
      }
      int t;
      if (novices.empty()) {
        std::vector<int> ft = FullTime();
        t = ft.back();
        d.teachers[t].industry_years = 3;
      } else {
        t = rng.Pick(novices);
      }
      Course& c = d.courses[rng.Pick(industry_)];
      if (!Contains(c.lecturers, t)) c.lecturers.push_back(t);
      inexperienced_ = t;
    }
    if (p_.Has(kPlanCourseWithoutPartTime)) {
      Course& c = d.courses[plan_[rng.Below(plan_.size())]];
      std::erase_if(c.lecturers, [&](int t) { return d.teachers[t].part_time; });
    }
    if (p_.Has(kPlanCourseAtSchool)) d.courses[rng.Pick(plan_)].venue = "school";
  }

  void Centres() {
    Rng rng = Stream(kCentreStream);
    Program& d = program_;
    std::vector<int> ft = FullTime(), pt = PartTime();
    // Part-time teachers who lecture nothing mentor in a centre (criterion 4.8).
    std::vector<int> idle;
    for (int t : pt) {
      bool lectures = false;
      for (const auto& c : d.courses) lectures |= Contains(c.lecturers, t);
      if (!lectures || rng.Chance(300)) idle.push_back(t);
    }
    for (int e = 0; e < p_.centres; ++e) {
      Centre centre;
      centre.id = absl::StrCat("E", e + 1);
      centre.company = Company(rng);
      centre.name = d.university + "—" + centre.company + "工程实践教育中心";
      bool first = e == 0;
      centre.signed_agreement = first || rng.Chance(800);
      centre.years = rng.Range(3, 10);
      centre.joint_plan = (first || rng.Chance(700)) && !p_.Has(kNoJointPlan);
      centre.quality_assurance = first || rng.Chance(600);
      centre.school_leader = ChineseName(rng) + "（" + kSchool[group_] + "副院长）";
      centre.enterprise_leader =
          first || rng.Chance(800) ? ChineseName(rng) + "（" + centre.company + "副总工程师）" : "";
      for (int k = rng.Range(1, 3); k > 0; --k) {
        int t = rng.Pick(ft);
        if (!Contains(centre.mentors, t)) centre.mentors.push_back(t);
      }
      centre.mentors.push_back(pt[rng.Below(pt.size())]);
      centre.facilities = rng.Pick({"生产车间、实训教室 2 间、学生宿舍 40 床位",
                                    "联合实验室、工程训练基地、学生公寓 60 床位",
                                    "研发中心、中试车间、会议室\n学生食堂与宿舍",
                                    "现场教学基地、仿真实训室、工程师办公室"});
      d.centres.push_back(std::move(centre));
    }
    for (size_t k = 0; k < idle.size(); ++k) {
      auto& mentors = d.centres[k % d.centres.size()].mentors;
      if (!Contains(mentors, idle[k])) mentors.push_back(idle[k]);
    }
    for (auto& centre : d.centres) std::sort(centre.mentors.begin(), centre.mentors.end());
  }

  // International cooperation, school support, materials, judgements.
  void Support() {
    Rng rng = Stream(kSupportStream);
    Rng gap = Stream(kSupportDefectStream);
    Program& d = program_;
    int year = d.evaluation_year;
    if (!p_.Has(kWeakInternational)) {
      std::vector<int> universities(std::size(kForeignUniversities)),
          partners(std::size(kForeignPartners));
      for (size_t k = 0; k < universities.size(); ++k) universities[k] = static_cast<int>(k);
      for (size_t k = 0; k < partners.size(); ++k) partners[k] = static_cast<int>(k);
      rng.Shuffle(universities);
      rng.Shuffle(partners);
      for (int k = rng.Range(1, 3); k > 0; --k) {
        d.cooperation.push_back(
            {rng.Pick({"exchange_credit", "exchange_credit", "staged", "joint_college"}),
             kForeignUniversities[universities[k]], year - rng.Range(2, 8)});
      }
      for (int k = rng.Range(1, 3); k > 0; --k) d.partners.push_back(kForeignPartners[partners[k]]);
      for (int k = rng.Range(1, 4); k > 0; --k) {
        int kind = rng.Weighted({40, 35, 25});
        int when = year - rng.Range(0, 3);
        d.activities.push_back(
            {kind == 0   ? "conference"
             : kind == 1 ? "competition"
                         : "culture",
             when,
             kind == 0 ? absl::StrCat("第", rng.Range(2, 9), "届国际", discipline_, "学术会议")
             : kind == 1 ? absl::StrCat(when, "年国际大学生", discipline_, "创新竞赛")
                         : absl::StrCat("中外学生", discipline_, "文化交流周")});
      }
      for (int k = rng.Range(0, 2); k > 0; --k) {
        d.other.push_back(rng.Pick({"与境外企业联合举办暑期学校", "聘请境外企业专家开设系列讲座",
                                    "学生参加境外企业短期实习"}));
      }
    }
    // Policies: the six topics 10.1 asks for, and `evaluation`, in two to four documents.
    std::vector<Policy> documents;
    int count = rng.Range(2, 4);
    if (count == 2) {
      documents.push_back(
          {"",
           "关于实施\"卓越工程师教育培养计划\"的若干意见",
           {"full_time_faculty", "part_time_faculty", "curriculum", "research_learning"}});
    } else {
      documents.push_back({"",
                           d.university + "卓越工程师教育培养计划师资队伍建设办法",
                           {"full_time_faculty", "part_time_faculty"}});
      documents.push_back({"",
                           "关于深化课程体系改革、推行研究性学习的若干意见",
                           {"curriculum", "research_learning"}});
    }
    if (count == 4) {
      documents.push_back({"", "校企联合培养实施细则", {"joint_training"}});
      documents.push_back(
          {"", "关于推进国际化办学与质量评价的若干意见", {"internationalization", "evaluation"}});
    } else {
      documents.push_back({"",
                           "校企联合培养与国际化人才培养实施细则",
                           {"joint_training", "internationalization", "evaluation"}});
    }
    if (p_.Has(kMissingPolicyTopic)) {
      const char* missing[] = {"full_time_faculty", "part_time_faculty", "curriculum",
                               "research_learning", "joint_training",    "internationalization"};
      std::string gone = gap.Pick(missing);
      for (Policy& document : documents) std::erase(document.topics, gone);
      std::erase_if(documents, [](const Policy& document) { return document.topics.empty(); });
    }
    for (Policy& document : documents) {
      document.id = absl::StrCat("P", d.policies.size() + 1);
      d.policies.push_back(std::move(document));
    }
    if (!p_.Has(kNoFunding)) {
      for (int k = rng.Range(1, 4); k > 0; --k) {
        d.funding.push_back({year - k,
                             10000.0 * rng.Range(30, 300),
                             {rng.Pick({"课程建设", "教材建设", "校企联合培养"}),
                              rng.Pick({"师资培训", "国际合作教育", "实训实习"})}});
      }
    }
    std::vector<std::string> targets = {"teaching_reform", "excellence_training", "enterprise_post",
                                        "engineering_projects", "industry_cooperation"};
    if (p_.Has(kMissingIncentiveTarget)) targets.erase(targets.begin() + gap.Below(4));
    int incentives = rng.Range(1, 3);
    for (int k = 0; k < incentives; ++k) {
      Policy incentive{absl::StrCat("INC", k + 1), "", {}};
      for (size_t t = k; t < targets.size(); t += incentives)
        incentive.topics.push_back(targets[t]);
      incentive.title = k == 0   ? "卓越计划教学改革奖励办法"
                        : k == 1 ? "教师企业挂职与工程项目激励办法"
                                 : "产学研合作绩效奖励办法";
      d.incentives.push_back(std::move(incentive));
    }
    for (const MaterialTitle& m : kMaterials) {
      bool faculty_plan = m.requirement == 4 && m.item == 2;
      if (faculty_plan && p_.Has(kMissingFacultyPlan)) continue;
      // Some programs leave out a material no criterion reads (a finding, not a verdict).
      if (!faculty_plan && !(m.requirement == 4 && m.item == 4) && rng.Chance(15)) continue;
      d.materials.push_back(m);
    }
    const char* by = rng.Pick({"卓越计划专家工作组", "教育部卓越计划专家组"});
    std::string not_met;
    if (p_.Has(kJudgedNotMet)) {
      do {
        not_met = rng.Pick(kJudgedCriteria);
      } while (not_met[0] == '9' && not_met[1] == '.');
    }
    for (const char* criterion : kJudgedCriteria) {
      bool weak =
          p_.Has(kWeakInternational) && criterion[0] == '9' && std::string_view(criterion) != "9.3";
      if (criterion == not_met || weak) {
        d.judgements.push_back({criterion, "not_met", by, "佐证材料不足，未能证明达到要求", 0});
        continue;
      }
      if (rng.Chance(40)) {  // judged twice: the later judgement counts
        d.judgements.push_back({criterion, "not_met", by, "初审：材料待补充", 0});
      }
      d.judgements.push_back(
          {criterion, "met", by,
           rng.Chance(30) ? "材料审阅：齐全\n现场考查：符合要求" : "现场考查与材料审阅后认定", 0});
    }
    if (p_.archetype == Archetype::kCompliant) {
      for (int r = 1; r <= 10; ++r) {
        if (rng.Chance(80)) d.judgements.push_back({"", "", "", "人才培养具有特色", r});
      }
    }
  }

  void TeacherDefects() {
    Rng rng = Stream(kTeacherDefectStream);
    Program& d = program_;
    if (p_.Has(kNoSecondmentPlan)) {
      std::vector<int> novices;
      for (int t : FullTime()) {
        if (Years(t) < 1) novices.push_back(t);
      }
      if (novices.empty()) {  // make one: a full-time teacher lecturing no industry course
        for (int t : FullTime()) {
          bool industry = false;
          for (int c : industry_) industry |= Contains(d.courses[c].lecturers, t);
          if (!industry && t != inexperienced_) {
            d.teachers[t].industry_years = 0;
            novices.push_back(t);
            break;
          }
        }
      }
      for (int k = rng.Range(1, 3); k > 0 && !novices.empty(); --k) {
        Teacher& t = d.teachers[rng.Pick(novices)];
        t.planned = rng.Pick({0, 6});
        t.completed = 0;
      }
    }
    if (p_.Has(kUntrainedPartTime)) d.teachers[rng.Pick(PartTime())].trained = false;
  }

  // Workloads: the experienced full-time teachers (criterion 4.5) get the larger ones, so
  // their mean is never below the mean of all full-time teachers.
  void Workloads() {
    Rng rng = Stream(kWorkloadStream);
    Program& d = program_;
    std::vector<int> ft = FullTime();
    std::vector<double> loads;
    for (size_t k = 0; k < ft.size(); ++k) loads.push_back(10 * rng.Range(20, 36));
    std::sort(loads.begin(), loads.end(), std::greater<>());
    std::vector<int> experienced, others;
    for (int t : ft) {
      const Teacher& teacher = d.teachers[t];
      (Years(t) >= 5 || teacher.completed >= 12 ? experienced : others).push_back(t);
    }
    rng.Shuffle(experienced);
    rng.Shuffle(others);
    size_t k = 0;
    for (int t : experienced) d.teachers[t].workload = loads[k++];
    for (int t : others) d.teachers[t].workload = loads[k++];
  }

  const Profile& p_;
  Program program_;
  Group group_;
  const char* discipline_;
  std::vector<int> industry_, plan_;
  int inexperienced_ = -1;
};

std::vector<int> TeachersOf(const Program& d, bool part_time) {
  std::vector<int> out;
  for (size_t t = 0; t < d.teachers.size(); ++t) {
    if (d.teachers[t].part_time == part_time) out.push_back(static_cast<int>(t));
  }
  return out;
}

// The students; without `text` (ComputeSizes) their names and thesis titles are left out,
// which are drawn from a stream of their own so that everything else stays the same.
void AddStudents(Program& d, bool text = true) {
  const Profile& p = d.profile;
  Rng rng = MakeRng(p.seed, p.index, kStudentStream);
  Rng words = MakeRng(p.seed, p.index, kStudentTextStream);
  bool weak = p.Has(kWeakInternational);
  int n = p.students;
  int foreign = n * (weak ? rng.Range(0, 8) : rng.Range(0, 15)) / 100;
  int plan_rate = rng.Range(600, 950);
  int exchange_rate = weak ? rng.Range(150, 400) : rng.Range(250, 850);
  int plan_weeks = 0;
  for (const Course& c : d.courses) plan_weeks += c.plan ? static_cast<int>(c.weeks) : 0;
  std::vector<int> ft = TeachersOf(d, false), pt = TeachersOf(d, true);
  Group group = p.major->group;
  int width = std::max(3, Digits(n));
  d.students.resize(n);
  for (int s = 0; s < n; ++s) {
    Student& st = d.students[s];
    st.foreign = s >= n - foreign;
    st.cohort = d.evaluation_year - rng.Range(0, 1);
    st.plan = !st.foreign && (s == 0 || rng.Chance(plan_rate));
    st.exchange = st.foreign || rng.Chance(st.plan ? exchange_rate : exchange_rate / 3);
    st.weeks =
        st.plan ? std::max(32, plan_weeks + rng.Range(-2, 6)) : rng.Range(0, st.foreign ? 6 : 12);
    st.school_supervisor = rng.Pick(ft);
    int topic = st.foreign || st.plan ? 0 : rng.Weighted({30, 55, 15});
    st.topic = st.foreign   ? "research"
               : topic == 0 ? "engineering_practice"
               : topic == 1 ? "research"
                            : "other";
    st.venue = st.plan ? "enterprise" : "school";
    bool named_supervisor = st.plan && !rng.Chance(900);  // else a part-time teacher's id
    if (st.plan && !named_supervisor) st.enterprise_supervisor = d.teachers[rng.Pick(pt)].id;
    if (!text) continue;
    st.id = Padded("ST", s + 1, width);
    st.name = st.foreign ? words.Pick(kForeignStudents) : ChineseName(words);
    st.title = st.foreign ? words.Pick(kEnglishTitles)
                          : std::string(kThesisObjects[group][words.Below(8)]) +
                                words.Pick(kThesisActions);
    if (named_supervisor) {
      st.enterprise_supervisor =
          ChineseName(words) + "（" + kCompanies[group][words.Below(7)] + "高级工程师）";
    }
  }
  std::vector<int> plan;
  for (int s = 0; s < n; ++s) {
    if (d.students[s].plan) plan.push_back(s);
  }
  if (weak) {  // at most half of the plan students on an exchange
    int exchanged = 0;
    for (int s : plan) {
      Student& st = d.students[s];
      if (*st.exchange && 2 * (exchanged + 1) > static_cast<int>(plan.size())) st.exchange = false;
      exchanged += *st.exchange;
    }
  }
  Rng gap = MakeRng(p.seed, p.index, kStudentDefectStream);
  auto some_plan_students = [&](int count, auto edit) {
    for (int k = 0; k < count; ++k) edit(d.students[gap.Pick(plan)]);
  };
  if (p.Has(kShortWeeks)) {
    some_plan_students(1 + static_cast<int>(plan.size()) / 40,
                       [&](Student& st) { st.weeks = gap.Range(20, 31); });
  }
  if (p.Has(kThesisAtSchool)) {
    some_plan_students(gap.Range(1, 4), [](Student& st) { st.venue = "school"; });
  }
  if (p.Has(kNoEnterpriseSupervisor)) {
    some_plan_students(gap.Range(1, 3), [](Student& st) { st.enterprise_supervisor = ""; });
  }
}

// The per-program parameters of the scores.
struct ScoreModel {
  int missing_per_mille;  // 2–5 % of the results are missing
  double strength;        // the cohort's level, around 0
  uint64_t key;           // of the missing-result hash
};

ScoreModel DrawScoreModel(const Profile& p, Rng& rng) {
  ScoreModel model;
  model.missing_per_mille = rng.Range(20, 50);
  model.strength = (rng.Bell() - 0.5) * 0.2;
  model.key = StreamKey(p.seed, p.index, kScoreStream) ^ 0x5c0e5ULL;
  return model;
}

// Whether student `s` has no result in assessment `a` of course `c`: a hash of the three, so
// that ComputeSizes counts the scores without drawing them.
bool Missing(const ScoreModel& model, int s, int c, int a) {
  uint64_t h = Mix(model.key ^ ((static_cast<uint64_t>(s) << 24) | (static_cast<uint64_t>(c) << 4) |
                                static_cast<uint64_t>(a)));
  return static_cast<int>(h % 1000) < model.missing_per_mille;
}

bool Takes(const Course& c, const Student& st) { return c.scored && (!c.plan_only || st.plan); }

int64_t CountScores(const Program& d) {
  if (d.profile.Has(kNoScores)) return 0;
  Rng rng = MakeRng(d.profile.seed, d.profile.index, kScoreStream);
  ScoreModel model = DrawScoreModel(d.profile, rng);
  int64_t count = 0;
  for (size_t c = 0; c < d.courses.size(); ++c) {
    const Course& course = d.courses[c];
    if (!course.scored) continue;
    for (size_t a = 0; a < course.assessments.size(); ++a) {
      for (size_t s = 0; s < d.students.size(); ++s) {
        count += Takes(course, d.students[s]) &&
                 !Missing(model, static_cast<int>(s), static_cast<int>(c), static_cast<int>(a));
      }
    }
  }
  return count;
}

// Results per assessment (a course's grade sheet), students in order. A student's score is
// their level plus the assessment's difficulty plus noise, as a share of the full score;
// full scores of 20 or less are marked in halves.
void AddScores(Program& d) {
  if (d.profile.Has(kNoScores)) {
    d.has_scores = false;
    return;
  }
  Rng rng = MakeRng(d.profile.seed, d.profile.index, kScoreStream);
  ScoreModel model = DrawScoreModel(d.profile, rng);
  std::vector<double> level(d.students.size());
  for (double& l : level) l = 0.5 + 0.45 * rng.Bell() + model.strength;
  for (size_t c = 0; c < d.courses.size(); ++c) {
    const Course& course = d.courses[c];
    if (!course.scored) continue;
    for (size_t a = 0; a < course.assessments.size(); ++a) {
      double full = course.assessments[a].full_score;
      double difficulty = (rng.Bell() - 0.5) * 0.2;
      double step = full <= 20 ? 2 : 1;
      for (size_t s = 0; s < d.students.size(); ++s) {
        if (!Takes(course, d.students[s]) ||
            Missing(model, static_cast<int>(s), static_cast<int>(c), static_cast<int>(a))) {
          continue;
        }
        double share = std::clamp(level[s] + difficulty + (rng.Bell() - 0.5) * 0.3, 0.0, 1.0);
        double value = std::floor(share * full * step + 0.5) / step;
        d.scores.push_back({static_cast<int>(s), static_cast<int>(c), static_cast<int>(a), value});
      }
    }
  }
}

// The gaps of incomplete programs: data taken out of a program that meets everything.
void ApplyGaps(Program& d) {
  const Profile& p = d.profile;
  Rng rng = MakeRng(p.seed, p.index, kGapStream);
  if (p.Has(kNoJudgements)) d.has_judgements = false;
  if (p.Has(kPartialJudgements)) {  // the experts have judged requirements 1 … r so far
    int last = rng.Range(2, 6);
    std::erase_if(d.judgements, [last](const Judgement& j) {
      return j.distinction > 0 || std::stoi(j.criterion) > last;
    });
  }
  if (p.Has(kNoMaterials)) d.has_materials = false;
  if (p.Has(kUnknownIndustryYears)) {
    std::vector<int> lecturers;
    for (const Course& c : d.courses) {
      if (c.industry) lecturers.insert(lecturers.end(), c.lecturers.begin(), c.lecturers.end());
    }
    d.teachers[rng.Pick(lecturers)].industry_years.reset();
    for (int k = rng.Range(0, 2); k > 0; --k) {
      d.teachers[rng.Below(d.teachers.size())].industry_years.reset();
    }
  }
  if (p.Has(kAccreditationPending)) {
    d.accreditation = "pending";
    d.validity.reset();
    d.accreditation_year.reset();
  }
  if (p.Has(kUnknownExchange)) {
    for (Student& st : d.students) st.exchange.reset();
  }
  if (p.Has(kUnknownFundingAmount)) {
    if (d.funding.size() < 2) d.funding.push_back({d.evaluation_year, 500000, {"实训实习"}});
    d.funding.back().amount.reset();
  }
}

Program BuildSkeleton(const Profile& profile) { return Builder(profile).Skeleton(); }

Program BuildProgram(uint64_t seed, int64_t index) {
  Program d = BuildSkeleton(DrawProfile(seed, index));
  AddStudents(d);
  AddScores(d);
  ApplyGaps(d);
  return d;
}

// ---- The dossier as one JSON value --------------------------------------------------------

// A JSON value, built once per program and read by every writer. Lean on purpose (a program
// has some 10^4 score rows): object keys are the schema's names as literals, never copied,
// and members keep their order.
class Value {
 public:
  enum class Kind { kNull, kBool, kInteger, kReal, kText, kArray, kObject };
  using Member = std::pair<const char*, Value>;

  Value() = default;
  Value(bool b) : kind_(Kind::kBool), integer_(b) {}
  Value(int i) : kind_(Kind::kInteger), integer_(i) {}
  Value(int64_t i) : kind_(Kind::kInteger), integer_(i) {}
  Value(std::string text) : kind_(Kind::kText), text_(std::move(text)) {}
  Value(const char* text) : Value(std::string(text)) {}
  // A number: an integer when integral, else the double nearest the decimal generated.
  static Value Number(double v) {
    if (v == std::floor(v) && std::fabs(v) < 1e15) return Value(static_cast<int64_t>(v));
    Value value;
    value.kind_ = Kind::kReal;
    value.real_ = v;
    return value;
  }
  static Value Array() {
    Value value;
    value.kind_ = Kind::kArray;
    return value;
  }
  static Value Object() {
    Value value;
    value.kind_ = Kind::kObject;
    return value;
  }

  Value& Set(const char* key, Value member) & {
    members_.emplace_back(key, std::move(member));
    return *this;
  }
  Value&& Set(const char* key, Value member) && {
    members_.emplace_back(key, std::move(member));
    return std::move(*this);
  }
  Value& Push(Value item) { return items_.emplace_back(std::move(item)); }

  Kind kind() const { return kind_; }
  bool boolean() const { return integer_ != 0; }
  int64_t integer() const { return integer_; }
  double real() const { return real_; }
  const std::string& text() const { return text_; }
  const std::vector<Value>& items() const { return items_; }
  const std::vector<Member>& members() const { return members_; }
  const Value* Find(std::string_view key) const {
    for (const Member& member : members_) {
      if (key == member.first) return &member.second;
    }
    return nullptr;
  }

 private:
  Kind kind_ = Kind::kNull;
  int64_t integer_ = 0;
  double real_ = 0;
  std::string text_;
  std::vector<Value> items_;
  std::vector<Member> members_;
};

Value WeightValue(const Weight& w) {
  return w.letter != 0 ? Value(std::string(1, w.letter)) : Value::Number(w.value);
}

Value Targets(const Program& d, const std::vector<Target>& targets) {
  Value out = Value::Array();
  for (const Target& t : targets) {
    out.Push(
        Value::Object().Set("point", d.points[t.point].id).Set("weight", WeightValue(t.weight)));
  }
  return out;
}

Value Strings(const std::vector<std::string>& items) {
  Value out = Value::Array();
  for (const auto& item : items) out.Push(item);
  return out;
}

Value TeacherIds(const Program& d, const std::vector<int>& teachers) {
  Value out = Value::Array();
  for (int t : teachers) out.Push(d.teachers[t].id);
  return out;
}

Value Contributors(const std::vector<Contributor>& people) {
  Value out = Value::Array();
  for (const auto& c : people) {
    out.Push(Value::Object().Set("name", c.name).Set("org", c.org).Set("kind", c.kind));
  }
  return out;
}

Value ProgramValue(const Program& d) {
  Value program = Value::Object()
                      .Set("id", d.id)
                      .Set("name", d.name)
                      .Set("university", d.university)
                      .Set("major_code", d.major_code);
  if (d.field) program.Set("field", *d.field);
  program.Set("plan_joined", d.plan_joined)
      .Set("first_cohort_graduation", d.first_graduation)
      .Set("evaluation_year", d.evaluation_year);
  Value accreditation = Value::Object()
                            .Set("status", d.accreditation)
                            .Set("validity_years", d.validity ? Value(*d.validity) : Value());
  if (d.accreditation_year) accreditation.Set("year", *d.accreditation_year);
  program.Set("accreditation", std::move(accreditation));
  if (d.previous) {
    program.Set("previous_evaluation",
                Value::Object().Set("year", d.previous->first).Set("result", d.previous->second));
  }
  program.Set("standard_contributors", Contributors(d.standard_contributors))
      .Set("curriculum_contributors", Contributors(d.curriculum_contributors));
  return program;
}

Value CoursesValue(const Program& d) {
  Value courses = Value::Array();
  for (const Course& c : d.courses) {
    Value assessments = Value::Array();
    for (const Assessment& a : c.assessments) {
      assessments.Push(Value::Object()
                           .Set("id", a.id)
                           .Set("name", a.name)
                           .Set("kind", a.kind)
                           .Set("weight", Value::Number(a.weight))
                           .Set("full_score", Value::Number(a.full_score))
                           .Set("points", Targets(d, a.points)));
    }
    courses.Push(Value::Object()
                     .Set("id", c.id)
                     .Set("name", c.name)
                     .Set("kind", c.kind)
                     .Set("core", c.core)
                     .Set("semester", c.semester)
                     .Set("credits", Value::Number(c.credits))
                     .Set("hours", Value::Number(c.hours))
                     .Set("weeks", Value::Number(c.weeks))
                     .Set("venue", c.venue)
                     .Set("in_enterprise_plan", c.plan)
                     .Set("industry_taught", c.industry)
                     .Set("lecturers", TeacherIds(d, c.lecturers))
                     .Set("implementation", c.implementation)
                     .Set("methods", Strings(c.methods))
                     .Set("co_developed_with_industry", c.codeveloped)
                     .Set("international_equivalent", c.equivalent)
                     .Set("language", c.language)
                     .Set("supports", Targets(d, c.supports))
                     .Set("assessments", std::move(assessments)));
  }
  return courses;
}

Value PeopleValue(const Program& d, Value& doc) {
  Value teachers = Value::Array();
  for (const Teacher& t : d.teachers) {
    Value row = Value::Object()
                    .Set("id", t.id)
                    .Set("name", t.name)
                    .Set("role", t.part_time ? "part_time" : "full_time");
    if (t.part_time) row.Set("employer", t.employer);
    if (t.industry_years) row.Set("industry_years", Value::Number(*t.industry_years));
    if (!t.part_time) {
      row.Set("secondment", Value::Object()
                                .Set("planned_months", Value::Number(t.planned))
                                .Set("completed_months", Value::Number(t.completed)));
    }
    row.Set("international", Strings(t.international)).Set("workload", Value::Number(t.workload));
    if (t.part_time) row.Set("trained", t.trained);
    teachers.Push(std::move(row));
  }
  doc.Set("teachers", std::move(teachers));
  Value students = Value::Array();
  for (const Student& s : d.students) {
    Value row = Value::Object()
                    .Set("id", s.id)
                    .Set("name", s.name)
                    .Set("cohort", s.cohort)
                    .Set("plan_member", s.plan)
                    .Set("foreign", s.foreign)
                    .Set("enterprise_weeks", Value::Number(s.weeks));
    if (s.exchange) row.Set("exchange", *s.exchange);
    row.Set("thesis", Value::Object()
                          .Set("title", s.title)
                          .Set("topic_source", s.topic)
                          .Set("venue", s.venue)
                          .Set("school_supervisor", d.teachers[s.school_supervisor].id)
                          .Set("enterprise_supervisor", s.enterprise_supervisor));
    students.Push(std::move(row));
  }
  doc.Set("students", std::move(students));
  if (!d.has_scores) return doc;
  Value scores = Value::Array();
  for (const Score& s : d.scores) {
    scores.Push(Value::Object()
                    .Set("student", d.students[s.student].id)
                    .Set("assessment", d.courses[s.course].assessments[s.assessment].id)
                    .Set("score", Value::Number(s.value)));
  }
  return doc.Set("scores", std::move(scores));
}

Value InternationalValue(const Program& d) {
  Value cooperation = Value::Array(), partners = Value::Array(), activities = Value::Array();
  for (const auto& c : d.cooperation) {
    cooperation.Push(
        Value::Object().Set("kind", c.kind).Set("partner", c.partner).Set("since", c.since));
  }
  for (const auto& c : d.partners) {
    partners.Push(
        Value::Object().Set("name", c.name).Set("country", c.country).Set("kind", c.kind));
  }
  for (const auto& a : d.activities) {
    activities.Push(Value::Object().Set("kind", a.kind).Set("year", a.year).Set("title", a.title));
  }
  return Value::Object()
      .Set("cooperation", std::move(cooperation))
      .Set("industry_partners", std::move(partners))
      .Set("activities", std::move(activities))
      .Set("other", Strings(d.other));
}

Value SupportValue(const Program& d) {
  Value policies = Value::Array(), funding = Value::Array(), incentives = Value::Array();
  for (const Policy& p : d.policies) {
    policies.Push(
        Value::Object().Set("id", p.id).Set("title", p.title).Set("topics", Strings(p.topics)));
  }
  for (const Funding& f : d.funding) {
    Value row = Value::Object().Set("year", f.year);
    if (f.amount) row.Set("amount", Value::Number(*f.amount));
    funding.Push(std::move(row).Set("purposes", Strings(f.purposes)));
  }
  for (const Policy& p : d.incentives) {
    incentives.Push(
        Value::Object().Set("id", p.id).Set("title", p.title).Set("targets", Strings(p.topics)));
  }
  return Value::Object()
      .Set("policies", std::move(policies))
      .Set("funding", std::move(funding))
      .Set("incentives", std::move(incentives));
}

Value ToValue(const Program& d) {
  Value doc = Value::Object().Set("format", "zhuoyue.dossier/1").Set("program", ProgramValue(d));
  Value industry = Value::Array(), items = Value::Array();
  for (const Point& i : d.industry)
    industry.Push(Value::Object().Set("id", i.id).Set("text", i.text));
  for (const Item& item : d.items) {
    Value points = Value::Array();
    for (int pt : item.points) {
      points.Push(Value::Object().Set("id", d.points[pt].id).Set("text", d.points[pt].text));
    }
    items.Push(Value::Object()
                   .Set("id", item.id)
                   .Set("text", item.text)
                   .Set("covers", Strings(item.covers))
                   .Set("points", std::move(points)));
  }
  doc.Set("industry_standard", std::move(industry))
      .Set("school_standard", std::move(items))
      .Set("courses", CoursesValue(d));
  PeopleValue(d, doc);
  Value centres = Value::Array();
  for (const Centre& e : d.centres) {
    centres.Push(Value::Object()
                     .Set("id", e.id)
                     .Set("name", e.name)
                     .Set("company", e.company)
                     .Set("agreement",
                          Value::Object().Set("signed", e.signed_agreement).Set("years", e.years))
                     .Set("joint_plan", e.joint_plan)
                     .Set("leaders", Value::Object()
                                         .Set("school", e.school_leader)
                                         .Set("enterprise", e.enterprise_leader))
                     .Set("mentors", TeacherIds(d, e.mentors))
                     .Set("quality_assurance", e.quality_assurance)
                     .Set("facilities", e.facilities));
  }
  doc.Set("enterprise_centers", std::move(centres))
      .Set("international", InternationalValue(d))
      .Set("support", SupportValue(d));
  if (d.has_materials) {
    Value materials = Value::Array();
    for (const MaterialTitle& m : d.materials) {
      materials.Push(
          Value::Object()
              .Set("requirement", m.requirement)
              .Set("item", m.item)
              .Set("title", m.title)
              .Set("uri", absl::StrCat("materials/", m.requirement, "-", m.item, ".pdf")));
    }
    doc.Set("materials", std::move(materials));
  }
  if (d.has_judgements) {
    Value judgements = Value::Array();
    for (const Judgement& j : d.judgements) {
      if (j.distinction > 0) {
        judgements.Push(Value::Object()
                            .Set("requirement", j.distinction)
                            .Set("distinction", true)
                            .Set("note", j.note));
      } else {
        judgements.Push(Value::Object()
                            .Set("criterion", j.criterion)
                            .Set("verdict", j.verdict)
                            .Set("by", j.by)
                            .Set("note", j.note));
      }
    }
    doc.Set("judgements", std::move(judgements));
  }
  return doc;
}

// ---- Text: JSON, and the cells of the CSV and SQLite forms ----------------------------------

// Numbers as their shortest round-trip text: the decimals generated (3.5, 0.6, 87.5) come
// back exactly as written.
void AppendNumber(std::string& out, const Value& v) {
  char buffer[32];
  std::to_chars_result end = v.kind() == Value::Kind::kInteger
                                 ? std::to_chars(buffer, buffer + sizeof buffer, v.integer())
                                 : std::to_chars(buffer, buffer + sizeof buffer, v.real());
  out.append(buffer, end.ptr);
}

void AppendJsonString(std::string& out, std::string_view s) {
  out += '"';
  size_t plain = 0;  // the start of the run of characters copied as they are
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char u = static_cast<unsigned char>(s[i]);
    if (u >= 0x20 && u != '"' && u != '\\') continue;
    out.append(s.data() + plain, i - plain);
    plain = i + 1;
    if (u == '"' || u == '\\') {
      out += '\\';
      out += static_cast<char>(u);
    } else if (u == '\n') {
      out += "\\n";
    } else if (u == '\r') {
      out += "\\r";
    } else if (u == '\t') {
      out += "\\t";
    } else {
      char escape[8];
      std::snprintf(escape, sizeof escape, "\\u%04x", u);
      out += escape;
    }
  }
  out.append(s.data() + plain, s.size() - plain);
  out += '"';
}

void AppendJson(std::string& out, const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kObject: {
      out += '{';
      for (size_t i = 0; i < v.members().size(); ++i) {
        if (i > 0) out += ',';
        AppendJsonString(out, v.members()[i].first);
        out += ':';
        AppendJson(out, v.members()[i].second);
      }
      out += '}';
      break;
    }
    case Value::Kind::kArray:
      out += '[';
      for (size_t i = 0; i < v.items().size(); ++i) {
        if (i > 0) out += ',';
        AppendJson(out, v.items()[i]);
      }
      out += ']';
      break;
    case Value::Kind::kText:
      AppendJsonString(out, v.text());
      break;
    case Value::Kind::kBool:
      out += v.boolean() ? "true" : "false";
      break;
    case Value::Kind::kNull:
      out += "null";
      break;
    case Value::Kind::kInteger:
    case Value::Kind::kReal:
      AppendNumber(out, v);
      break;
  }
}

// One member per line, and each row of a table on a line of its own.
std::string DossierText(const Value& doc) {
  std::string out = "{\n";
  for (size_t m = 0; m < doc.members().size(); ++m) {
    const auto& [key, member] = doc.members()[m];
    out += m == 0 ? "  " : ",\n  ";
    AppendJsonString(out, key);
    out += ": ";
    const std::vector<Value>& rows = member.items();
    if (member.kind() == Value::Kind::kArray && !rows.empty()) {
      out += "[\n";
      for (size_t i = 0; i < rows.size(); ++i) {
        out += "    ";
        AppendJson(out, rows[i]);
        out += i + 1 < rows.size() ? ",\n" : "\n";
      }
      out += "  ]";
    } else {
      AppendJson(out, member);
    }
  }
  out += "\n}\n";
  return out;
}

// The text of a cell: lists joined with ';', booleans true/false, absent empty.
void AppendCell(std::string& out, const Value* v) {
  if (v == nullptr) return;
  switch (v->kind()) {
    case Value::Kind::kNull:
      break;
    case Value::Kind::kText:
      out += v->text();
      break;
    case Value::Kind::kBool:
      out += v->boolean() ? "true" : "false";
      break;
    case Value::Kind::kArray:
      for (size_t i = 0; i < v->items().size(); ++i) {
        if (i > 0) out += ';';
        AppendCell(out, &v->items()[i]);
      }
      break;
    case Value::Kind::kObject:  // never in a cell: objects are flattened into columns
      break;
    case Value::Kind::kInteger:
    case Value::Kind::kReal:
      AppendNumber(out, *v);
      break;
  }
}

// ---- Flat tables: the CSV files of dossier-v1.md, and the SQLite tables ---------------------

enum class Col { kText, kNumber, kBool, kList };
struct Column {
  const char* name;
  Col type;
};
struct TableSpec {
  const char* name;
  bool parent_key;  // the first column is the parent row's id
  std::vector<Column> columns;
};

constexpr Col T = Col::kText, N = Col::kNumber, B = Col::kBool, L = Col::kList;

// dossier-v1.md "CSV bundle: the exact file list", in its order. The weights of supports and
// assessment points (H/M/L or a number) and the materials' and judgements' requirement keys
// are typed as numbers: their cells keep whatever the JSON held.
const std::vector<TableSpec>& Tables() {
  static const std::vector<TableSpec> tables = {
      {"program",
       false,
       {{"id", T},
        {"name", T},
        {"university", T},
        {"major_code", T},
        {"field", T},
        {"plan_joined", N},
        {"first_cohort_graduation", N},
        {"evaluation_year", N},
        {"accreditation.status", T},
        {"accreditation.validity_years", N},
        {"accreditation.year", N},
        {"previous_evaluation.year", N},
        {"previous_evaluation.result", T}}},
      {"standard_contributors", false, {{"name", T}, {"org", T}, {"kind", T}}},
      {"curriculum_contributors", false, {{"name", T}, {"org", T}, {"kind", T}}},
      {"industry_standard", false, {{"id", T}, {"text", T}}},
      {"school_standard", false, {{"id", T}, {"text", T}, {"covers", L}}},
      {"points", true, {{"school_standard", T}, {"id", T}, {"text", T}}},
      {"courses",
       false,
       {{"id", T},
        {"name", T},
        {"kind", T},
        {"core", B},
        {"semester", N},
        {"credits", N},
        {"hours", N},
        {"weeks", N},
        {"venue", T},
        {"in_enterprise_plan", B},
        {"industry_taught", B},
        {"lecturers", L},
        {"implementation", T},
        {"methods", L},
        {"co_developed_with_industry", B},
        {"international_equivalent", B},
        {"language", T}}},
      {"supports", true, {{"course", T}, {"point", T}, {"weight", N}}},
      {"assessments",
       true,
       {{"course", T}, {"id", T}, {"name", T}, {"kind", T}, {"weight", N}, {"full_score", N}}},
      {"assessment_points", true, {{"assessment", T}, {"point", T}, {"weight", N}}},
      {"teachers",
       false,
       {{"id", T},
        {"name", T},
        {"role", T},
        {"employer", T},
        {"industry_years", N},
        {"secondment.planned_months", N},
        {"secondment.completed_months", N},
        {"international", L},
        {"workload", N},
        {"trained", B}}},
      {"students",
       false,
       {{"id", T},
        {"name", T},
        {"cohort", N},
        {"plan_member", B},
        {"foreign", B},
        {"enterprise_weeks", N},
        {"exchange", B},
        {"thesis.title", T},
        {"thesis.topic_source", T},
        {"thesis.venue", T},
        {"thesis.school_supervisor", T},
        {"thesis.enterprise_supervisor", T}}},
      {"scores", false, {{"student", T}, {"assessment", T}, {"score", N}}},
      {"enterprise_centers",
       false,
       {{"id", T},
        {"name", T},
        {"company", T},
        {"agreement.signed", B},
        {"agreement.years", N},
        {"joint_plan", B},
        {"leaders.school", T},
        {"leaders.enterprise", T},
        {"mentors", L},
        {"quality_assurance", B},
        {"facilities", T}}},
      {"international", false, {{"other", L}}},
      {"cooperation", false, {{"kind", T}, {"partner", T}, {"since", N}}},
      {"industry_partners", false, {{"name", T}, {"country", T}, {"kind", T}}},
      {"activities", false, {{"kind", T}, {"year", N}, {"title", T}}},
      {"policies", false, {{"id", T}, {"title", T}, {"topics", L}}},
      {"funding", false, {{"year", N}, {"amount", N}, {"purposes", L}}},
      {"incentives", false, {{"id", T}, {"title", T}, {"targets", L}}},
      {"materials", false, {{"requirement", N}, {"item", N}, {"title", T}, {"uri", T}}},
      {"judgements",
       false,
       {{"criterion", T},
        {"verdict", T},
        {"by", T},
        {"note", T},
        {"requirement", N},
        {"distinction", B}}},
  };
  return tables;
}

struct FlatTable {
  const TableSpec* spec;
  std::vector<std::vector<const Value*>> rows;  // nullptr: absent
};

// The member at a dotted path, or nullptr when absent or null.
const Value* Field(const Value& row, std::string_view dotted) {
  const Value* at = &row;
  while (at != nullptr && at->kind() != Value::Kind::kNull) {
    size_t dot = dotted.find('.');
    at = at->Find(dotted.substr(0, dot));
    if (dot == std::string_view::npos) break;
    dotted.remove_prefix(dot + 1);
  }
  return at != nullptr && at->kind() != Value::Kind::kNull ? at : nullptr;
}

// The tables a dossier has, in the file list's order; views into `doc`.
std::vector<FlatTable> Flatten(const Value& doc) {
  std::vector<FlatTable> tables;
  tables.reserve(Tables().size());
  auto add = [&](std::string_view name) -> FlatTable& {
    for (const TableSpec& spec : Tables()) {
      if (name == spec.name) tables.push_back({&spec, {}});
    }
    return tables.back();
  };
  auto fill = [](FlatTable& table, const Value& object, const Value* parent) {
    std::vector<const Value*> row;
    row.reserve(table.spec->columns.size());
    for (const Column& column : table.spec->columns) {
      row.push_back(table.spec->parent_key && row.empty() ? parent : Field(object, column.name));
    }
    table.rows.push_back(std::move(row));
  };
  auto each = [&](const Value& owner, const char* member, std::string_view name) {
    const Value* array = Field(owner, member);
    if (array == nullptr) return;
    FlatTable& table = add(name);
    for (const Value& row : array->items()) fill(table, row, nullptr);
  };
  const Value& program = *doc.Find("program");
  fill(add("program"), program, nullptr);
  each(program, "standard_contributors", "standard_contributors");
  each(program, "curriculum_contributors", "curriculum_contributors");
  each(doc, "industry_standard", "industry_standard");
  if (const Value* items = Field(doc, "school_standard")) {
    FlatTable& standard = add("school_standard");
    FlatTable& points = add("points");
    for (const Value& item : items->items()) {
      fill(standard, item, nullptr);
      if (const Value* rows = Field(item, "points")) {
        for (const Value& point : rows->items()) fill(points, point, Field(item, "id"));
      }
    }
  }
  if (const Value* courses = Field(doc, "courses")) {
    FlatTable& course_table = add("courses");
    FlatTable& supports = add("supports");
    FlatTable& assessments = add("assessments");
    FlatTable& targets = add("assessment_points");
    for (const Value& course : courses->items()) {
      fill(course_table, course, nullptr);
      const Value* id = Field(course, "id");
      if (const Value* rows = Field(course, "supports")) {
        for (const Value& row : rows->items()) fill(supports, row, id);
      }
      if (const Value* rows = Field(course, "assessments")) {
        for (const Value& assessment : rows->items()) {
          fill(assessments, assessment, id);
          if (const Value* points = Field(assessment, "points")) {
            for (const Value& point : points->items())
              fill(targets, point, Field(assessment, "id"));
          }
        }
      }
    }
  }
  each(doc, "teachers", "teachers");
  each(doc, "students", "students");
  each(doc, "scores", "scores");
  each(doc, "enterprise_centers", "enterprise_centers");
  if (const Value* international = Field(doc, "international")) {
    fill(add("international"), *international, nullptr);
    each(*international, "cooperation", "cooperation");
    each(*international, "industry_partners", "industry_partners");
    each(*international, "activities", "activities");
  }
  if (const Value* support = Field(doc, "support")) {
    each(*support, "policies", "policies");
    each(*support, "funding", "funding");
    each(*support, "incentives", "incentives");
  }
  each(doc, "materials", "materials");
  each(doc, "judgements", "judgements");
  return tables;
}

void AppendCsvCell(std::string& out, const Value* v) {
  size_t start = out.size();
  AppendCell(out, v);
  std::string_view cell(out.data() + start, out.size() - start);
  // Empty text is `""`: an unquoted empty cell is an absent value (docs/dossier.md).
  if (cell.empty() && v != nullptr && v->kind() == Value::Kind::kText) {
    out += "\"\"";
    return;
  }
  if (cell.find_first_of(",\"\r\n") == std::string_view::npos) return;
  std::string quoted = "\"";
  for (char ch : cell) {
    quoted += ch;
    if (ch == '"') quoted += '"';
  }
  quoted += '"';
  out.replace(start, out.size() - start, quoted);
}

// One CSV file: a header of the columns some row has (every column when there is no row),
// CRLF line ends, RFC 4180 quoting.
std::string CsvText(const FlatTable& table, bool bom) {
  const auto& columns = table.spec->columns;
  std::vector<size_t> present;
  for (size_t k = 0; k < columns.size(); ++k) {
    bool any = table.rows.empty();
    for (const auto& row : table.rows) {
      if (any) break;
      any = row[k] != nullptr;
    }
    if (any) present.push_back(k);
  }
  std::string out = bom ? "\xEF\xBB\xBF" : "";
  for (size_t k = 0; k < present.size(); ++k) {
    if (k > 0) out += ',';
    out += columns[present[k]].name;
  }
  out += "\r\n";
  for (const auto& row : table.rows) {
    for (size_t k = 0; k < present.size(); ++k) {
      if (k > 0) out += ',';
      AppendCsvCell(out, row[present[k]]);
    }
    out += "\r\n";
  }
  return out;
}

// ---- Files --------------------------------------------------------------------------------

absl::Status CannotWrite(const fs::path& path, int error) {
  return absl::UnavailableError(
      absl::StrCat("cannot write ", path.string(), ": ", std::generic_category().message(error)));
}

absl::Status CannotWrite(const fs::path& path, const std::error_code& error) {
  return CannotWrite(path, error.value());
}

// A name beside `path` for writing it before the rename; hidden, and unique per process.
fs::path TemporaryBeside(const fs::path& path, const char* what) {
  return path.parent_path() / absl::StrCat(".", path.filename().string(), ".", what, "-", getpid());
}

// Writes `text` to `file`; on failure the error names `shown` and nothing is left behind.
absl::Status WriteWhole(const fs::path& file, std::string_view text, const fs::path& shown) {
  FILE* out = std::fopen(file.c_str(), "wb");
  if (out == nullptr) return CannotWrite(shown, errno);
  bool ok = std::fwrite(text.data(), 1, text.size(), out) == text.size();
  int error = errno;
  if (std::fclose(out) != 0 && ok) {
    ok = false;
    error = errno;
  }
  if (!ok) {
    std::error_code ignored;
    fs::remove(file, ignored);
    return CannotWrite(shown, error);
  }
  return absl::OkStatus();
}

// Whole or not at all: a temporary file, then a rename over `path`.
absl::Status WriteAtomically(const fs::path& path, std::string_view text) {
  fs::path temporary = TemporaryBeside(path, "tmp");
  if (absl::Status status = WriteWhole(temporary, text, path); !status.ok()) return status;
  std::error_code error;
  fs::rename(temporary, path, error);
  if (error) {
    std::error_code ignored;
    fs::remove(temporary, ignored);
    return CannotWrite(path, error);
  }
  return absl::OkStatus();
}

absl::Status MakeDirectory(const fs::path& dir) {
  std::error_code error;
  fs::create_directories(dir, error);
  if (error) return CannotWrite(dir, error);
  if (!fs::is_directory(dir, error)) return CannotWrite(dir, ENOTDIR);
  return absl::OkStatus();
}

// A CSV bundle appears whole: built in a hidden folder, then renamed to `dir`/`id` (an
// earlier bundle of that name is moved aside first and removed after).
absl::Status WriteBundle(const fs::path& dir, const std::string& id, const Value& doc, bool bom) {
  fs::path final_path = dir / id;
  fs::path building = TemporaryBeside(final_path, "tmp");
  std::error_code error;
  fs::remove_all(building, error);
  if (!fs::create_directory(building, error) || error) return CannotWrite(final_path, error);
  for (const FlatTable& table : Flatten(doc)) {
    std::string name = absl::StrCat(table.spec->name, ".csv");
    absl::Status status = WriteWhole(building / name, CsvText(table, bom), final_path / name);
    if (!status.ok()) {
      fs::remove_all(building, error);
      return status;
    }
  }
  fs::path old = TemporaryBeside(final_path, "old");
  bool replacing = fs::exists(final_path, error);
  if (replacing) fs::rename(final_path, old, error);
  if (!error) fs::rename(building, final_path, error);
  if (error) {
    std::error_code ignored;
    fs::remove_all(building, ignored);
    return CannotWrite(final_path, error);
  }
  if (replacing) fs::remove_all(old, error);
  return absl::OkStatus();
}

// ---- SQLite -------------------------------------------------------------------------------

std::string Quoted(const std::string& name) { return "\"" + name + "\""; }

// docs/generator.md "SQLite": the CSV tables with a first column `program`, booleans as
// INTEGER 0/1, integral numbers as INTEGER and other numbers as their exact decimal TEXT (in
// columns without a declared type, so that SQLite converts neither), lists as 'a;b;c', absent
// as NULL; `_tables` lists the tables each program's bundle has, `_meta` the run.
class SqliteWriter {
 public:
  ~SqliteWriter() {
    for (sqlite3_stmt* statement : inserts_) sqlite3_finalize(statement);
    sqlite3_finalize(tables_insert_);
    if (db_ != nullptr) sqlite3_close(db_);
  }

  absl::Status Open(const fs::path& file, const fs::path& shown) {
    shown_ = shown;
    if (sqlite3_open_v2(file.c_str(), &db_,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK) {
      return Error();
    }
    std::string schema =
        "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA locking_mode=EXCLUSIVE;"
        "PRAGMA cache_size=-65536;"
        "CREATE TABLE \"_meta\" (\"key\" TEXT PRIMARY KEY NOT NULL, \"value\" TEXT NOT NULL);"
        "CREATE TABLE \"_tables\" (\"program\" TEXT NOT NULL, \"name\" TEXT NOT NULL,"
        " \"rows\" INTEGER NOT NULL);";
    for (const TableSpec& spec : Tables()) {
      schema += absl::StrCat("CREATE TABLE ", Quoted(spec.name), " (\"program\" TEXT NOT NULL");
      for (const Column& column : spec.columns) {
        schema += absl::StrCat(", ", Quoted(column.name),
                               column.type == Col::kBool     ? " INTEGER"
                               : column.type == Col::kNumber ? ""
                                                             : " TEXT");
      }
      schema += ");";
    }
    if (absl::Status status = Exec(schema); !status.ok()) return status;
    for (const TableSpec& spec : Tables()) {
      std::string sql = absl::StrCat("INSERT INTO ", Quoted(spec.name), " VALUES (?");
      for (size_t k = 0; k < spec.columns.size(); ++k) sql += ",?";
      sql += ")";
      inserts_.push_back(nullptr);
      if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &inserts_.back(), nullptr) != SQLITE_OK) {
        return Error();
      }
    }
    if (sqlite3_prepare_v2(db_, "INSERT INTO \"_tables\" VALUES (?,?,?)", -1, &tables_insert_,
                           nullptr) != SQLITE_OK) {
      return Error();
    }
    return Exec("BEGIN");
  }

  absl::Status Add(const std::string& program, const std::vector<FlatTable>& tables) {
    for (const FlatTable& table : tables) {
      sqlite3_stmt* insert = inserts_[table.spec - Tables().data()];
      for (const auto& row : table.rows) {
        sqlite3_bind_text(insert, 1, program.data(), static_cast<int>(program.size()),
                          SQLITE_STATIC);
        for (size_t k = 0; k < row.size(); ++k) Bind(insert, static_cast<int>(k) + 2, row[k]);
        if (absl::Status status = Step(insert); !status.ok()) return status;
      }
      sqlite3_bind_text(tables_insert_, 1, program.data(), static_cast<int>(program.size()),
                        SQLITE_STATIC);
      sqlite3_bind_text(tables_insert_, 2, table.spec->name, -1, SQLITE_STATIC);
      sqlite3_bind_int64(tables_insert_, 3, static_cast<int64_t>(table.rows.size()));
      if (absl::Status status = Step(tables_insert_); !status.ok()) return status;
    }
    // A commit every 16 programs bounds what SQLite keeps in memory.
    if (++programs_since_commit_ == 16) {
      programs_since_commit_ = 0;
      return Exec("COMMIT; BEGIN");
    }
    return absl::OkStatus();
  }

  absl::Status Finish(const std::vector<std::pair<std::string, std::string>>& meta) {
    std::string sql = "COMMIT; BEGIN;";
    for (const TableSpec& spec : Tables()) {
      sql += absl::StrCat("CREATE INDEX ", Quoted(absl::StrCat(spec.name, "_program")), " ON ",
                          Quoted(spec.name), " (\"program\");");
    }
    sql += "CREATE INDEX \"_tables_program\" ON \"_tables\" (\"program\");";
    for (const auto& [key, value] : meta) {
      sql += absl::StrCat("INSERT INTO \"_meta\" VALUES ('", key, "', '", value, "');");
    }
    sql += "COMMIT;";
    if (absl::Status status = Exec(sql); !status.ok()) return status;
    for (sqlite3_stmt*& statement : inserts_) {
      sqlite3_finalize(statement);
      statement = nullptr;
    }
    sqlite3_finalize(tables_insert_);
    tables_insert_ = nullptr;
    int closed = sqlite3_close(db_);
    db_ = nullptr;
    if (closed != SQLITE_OK)
      return absl::UnavailableError(absl::StrCat("cannot write ", shown_.string()));
    return absl::OkStatus();
  }

 private:
  void Bind(sqlite3_stmt* insert, int k, const Value* v) {
    if (v == nullptr) {
      sqlite3_bind_null(insert, k);
    } else if (v->kind() == Value::Kind::kText) {
      const std::string& text = v->text();
      sqlite3_bind_text(insert, k, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
    } else if (v->kind() == Value::Kind::kBool) {
      sqlite3_bind_int(insert, k, v->boolean() ? 1 : 0);
    } else if (v->kind() == Value::Kind::kInteger) {
      sqlite3_bind_int64(insert, k, v->integer());
    } else {  // a non-integral number or a list: its cell text
      std::string text;
      AppendCell(text, v);
      sqlite3_bind_text(insert, k, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    }
  }

  absl::Status Step(sqlite3_stmt* statement) {
    int result = sqlite3_step(statement);
    sqlite3_reset(statement);
    return result == SQLITE_DONE ? absl::OkStatus() : Error();
  }

  absl::Status Exec(const std::string& sql) {
    return sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK ? absl::OkStatus()
                                                                                  : Error();
  }

  absl::Status Error() const {
    return absl::UnavailableError(
        absl::StrCat("cannot write ", shown_.string(), ": ",
                     db_ != nullptr ? sqlite3_errmsg(db_) : "out of memory"));
  }

  fs::path shown_;
  sqlite3* db_ = nullptr;
  std::vector<sqlite3_stmt*> inserts_;
  sqlite3_stmt* tables_insert_ = nullptr;
  int programs_since_commit_ = 0;
};

// ---- Running over the programs ------------------------------------------------------------

// Runs work(k) for k in [0, count) on up to `threads` threads; stops at the first error.
absl::Status ParallelFor(int threads, int64_t count,
                         const std::function<absl::Status(int64_t)>& work) {
  std::atomic<int64_t> next{0};
  std::mutex mutex;
  absl::Status first_error;
  auto run = [&] {
    for (int64_t k; (k = next.fetch_add(1)) < count;) {
      absl::Status status = work(k);
      if (!status.ok()) {
        std::lock_guard lock(mutex);
        if (first_error.ok()) first_error = status;
        next = count;
      }
    }
  };
  int extra = static_cast<int>(std::min<int64_t>(std::max(threads, 1), count)) - 1;
  std::vector<std::thread> pool;
  for (int t = 0; t < extra; ++t) pool.emplace_back(run);
  run();
  for (auto& thread : pool) thread.join();
  return first_error;
}

// Calls options.progress after each program, one call at a time.
class Progress {
 public:
  Progress(const GenOptions& options, int64_t total) : options_(options), total_(total) {}
  void Done() {
    if (!options_.progress) return;
    std::lock_guard lock(mutex_);
    options_.progress(++done_, total_);
  }

 private:
  const GenOptions& options_;
  int64_t total_;
  int64_t done_ = 0;
  std::mutex mutex_;
};

absl::Status CheckOptions(const GenOptions& options) {
  if (options.threads < 1) return absl::InvalidArgumentError("threads must be at least 1");
  return ProgramCount(options).status();
}

// Writes each program with `write(index)` on the option's threads.
absl::Status EachProgram(const GenOptions& options,
                         const std::function<absl::Status(int64_t)>& write) {
  absl::StatusOr<int64_t> count = ProgramCount(options);
  if (!count.ok()) return count.status();
  Progress progress(options, *count);
  return ParallelFor(options.threads, *count, [&](int64_t k) {
    absl::Status status = write(options.first + k);
    if (status.ok()) progress.Done();
    return status;
  });
}

}  // namespace

std::vector<std::pair<std::string, int64_t>> NamedSizes() {
  return {{"program", 1}, {"university", 100}, {"province", 1000}, {"nation", 16284}};
}

absl::StatusOr<int64_t> ProgramCount(const GenOptions& options) {
  if (options.first < 0) return absl::InvalidArgumentError("the first index must be 0 or more");
  if (options.programs != -1) {
    if (options.programs < 1) return absl::InvalidArgumentError("programs must be at least 1");
    return options.programs;
  }
  for (const auto& [name, count] : NamedSizes()) {
    if (options.size == name) return count;
  }
  return absl::InvalidArgumentError(
      absl::StrCat("unknown size \"", options.size, "\": program, university, province or nation"));
}

std::string GenerateProgramJson(const GenOptions& options, int64_t index) {
  return DossierText(ToValue(BuildProgram(options.seed, index)));
}

ProgramProfile DescribeProgram(const GenOptions& options, int64_t index) {
  Program d = BuildSkeleton(DrawProfile(options.seed, index));
  AddStudents(d, /*text=*/false);
  const Profile& p = d.profile;
  ProgramProfile out;
  out.id = d.id;
  out.archetype = kArchetypeNames[static_cast<int>(p.archetype)];
  out.expected_overall = kExpectedOverall[static_cast<int>(p.archetype)];
  out.defects = p.labels;
  out.students = static_cast<int64_t>(d.students.size());
  out.teachers = static_cast<int64_t>(d.teachers.size());
  out.courses = static_cast<int64_t>(d.courses.size());
  for (const Course& c : d.courses) out.assessments += static_cast<int64_t>(c.assessments.size());
  out.scores = CountScores(d);
  return out;
}

absl::StatusOr<SizeFigures> ComputeSizes(const GenOptions& options) {
  if (absl::Status status = CheckOptions(options); !status.ok()) return status;
  int64_t count = *ProgramCount(options);
  std::mutex mutex;
  SizeFigures total;
  total.programs = count;
  absl::Status status = ParallelFor(options.threads, count, [&](int64_t k) {
    ProgramProfile p = DescribeProgram(options, options.first + k);
    std::lock_guard lock(mutex);
    total.students += p.students;
    total.teachers += p.teachers;
    total.courses += p.courses;
    total.assessments += p.assessments;
    total.scores += p.scores;
    return absl::OkStatus();
  });
  if (!status.ok()) return status;
  return total;
}

absl::Status WriteJson(const GenOptions& options, const std::string& dir) {
  if (absl::Status status = CheckOptions(options); !status.ok()) return status;
  if (absl::Status status = MakeDirectory(dir); !status.ok()) return status;
  return EachProgram(options, [&](int64_t index) {
    Program d = BuildProgram(options.seed, index);
    return WriteAtomically(fs::path(dir) / (d.id + ".json"), DossierText(ToValue(d)));
  });
}

absl::Status WriteCsv(const GenOptions& options, const std::string& dir) {
  if (absl::Status status = CheckOptions(options); !status.ok()) return status;
  if (absl::Status status = MakeDirectory(dir); !status.ok()) return status;
  return EachProgram(options, [&](int64_t index) {
    Program d = BuildProgram(options.seed, index);
    return WriteBundle(dir, d.id, ToValue(d), options.bom);
  });
}

absl::Status WriteSqlite(const GenOptions& options, const std::string& path) {
  if (absl::Status status = CheckOptions(options); !status.ok()) return status;
  int64_t count = *ProgramCount(options);
  fs::path target(path);
  if (target.has_parent_path()) {
    if (absl::Status status = MakeDirectory(target.parent_path()); !status.ok()) return status;
  }
  fs::path temporary = TemporaryBeside(target, "tmp");
  std::error_code error;
  fs::remove(temporary, error);
  absl::Status status = [&]() -> absl::Status {
    SqliteWriter writer;
    if (absl::Status opened = writer.Open(temporary, target); !opened.ok()) return opened;
    // Programs are generated a batch at a time and inserted in index order, so the file is
    // the same for any number of threads. With two threads or more, the next batch is
    // generated (on all threads but this one) while this one inserts the current batch.
    struct Prepared {
      std::string id;
      Value doc;
      std::vector<FlatTable> tables;  // views into `doc`
    };
    using Batch = std::vector<std::unique_ptr<Prepared>>;
    int workers = std::max(1, options.threads - 1);
    int64_t batch_size = 4 * workers;
    // `inserted`, the batch inserted before, is freed there too: off the inserting thread.
    auto prepare = [&](int64_t start, Batch inserted) {
      inserted.clear();
      Batch batch(std::min(batch_size, count - start));
      (void)ParallelFor(workers, static_cast<int64_t>(batch.size()), [&](int64_t k) {
        Program d = BuildProgram(options.seed, options.first + start + k);
        batch[k] = std::make_unique<Prepared>();
        batch[k]->id = d.id;
        batch[k]->doc = ToValue(d);
        batch[k]->tables = Flatten(batch[k]->doc);
        return absl::OkStatus();
      });
      return batch;
    };
    Progress progress(options, count);
    bool pipelined = options.threads > 1;
    std::future<Batch> next;
    if (pipelined) next = std::async(std::launch::async, prepare, 0, Batch());
    Batch inserted;
    for (int64_t start = 0; start < count; start += batch_size) {
      Batch batch = pipelined ? next.get() : prepare(start, std::move(inserted));
      if (pipelined && start + batch_size < count) {
        next = std::async(std::launch::async, prepare, start + batch_size, std::move(inserted));
      }
      for (const auto& p : batch) {
        if (absl::Status added = writer.Add(p->id, p->tables); !added.ok()) return added;
        progress.Done();
      }
      inserted = std::move(batch);
    }
    return writer.Finish({{"format", "zhuoyue.dossier/1"},
                          {"layout", "zhuoyue.sqlite/1"},
                          {"seed", absl::StrCat(options.seed)},
                          {"first", absl::StrCat(options.first)},
                          {"programs", absl::StrCat(count)}});
  }();
  if (status.ok()) {
    fs::rename(temporary, target, error);
    if (error) status = CannotWrite(target, error);
  }
  if (!status.ok()) fs::remove(temporary, error);
  return status;
}

}  // namespace zhuoyue::gen
